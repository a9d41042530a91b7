/**
 * Child processes with asynchronous pipes: {@link asyncigo.api.Loop#exec(String...)} and {@link
 * asyncigo.api.Loop#exec(ProcessSpec)} start a {@link asyncigo.api.process.Subprocess} described by
 * a {@link asyncigo.api.process.ProcessSpec}.
 *
 * <p>How a backend spawns: the epoll poller uses {@code posix_spawnp} with non-blocking pipes
 * registered with the poller and a {@code pidfd} that becomes readable when the child exits (no
 * thread per process); the NIO poller uses {@link ProcessBuilder}, with a virtual thread per
 * piped stream copying between the child's pipe and an in-process NIO pipe that the loop watches,
 * and {@link Process#onExit()} closing a pipe the loop watches for the exit.
 */
package asyncigo.api.process;
