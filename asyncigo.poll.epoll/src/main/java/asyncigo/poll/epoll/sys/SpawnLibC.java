package asyncigo.poll.epoll.sys;

import jnr.ffi.annotations.In;
import jnr.ffi.types.intptr_t;
import jnr.ffi.types.ssize_t;

/**
 * The C library calls the epoll backend starts, watches and reaps child processes with, bound
 * through jnr-ffi. jnr-posix's {@code posix_spawnp} is not used: it drops the error number (a
 * missing program could not be named), has no working-directory or close-from file action, and
 * allocates a {@code posix_spawnattr_t} smaller than glibc's.
 *
 * <p><b>Internal</b>, exported for jnr-ffi only, like {@link LinuxLibC}. Pointers are raw
 * addresses into memory the caller owns; strings and string arrays (terminated by a null element)
 * are marshalled by jnr-ffi. The {@code posix_spawn*} functions return an error number (0 on
 * success); the others return -1 and set {@code errno}. Thread-safe.
 *
 * @since 0.1
 */
public interface SpawnLibC {
  /**
   * {@code int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa,
   * const posix_spawnattr_t *attr, char *const argv[], char *const envp[])}.
   *
   * @param pid where the child's id goes
   * @param file the program, looked up in the caller's {@code PATH} unless it contains a slash
   * @param fileActions the file actions
   * @param attributes the attributes
   * @param argv the arguments, the program first, ending with null
   * @param envp the environment as {@code NAME=value}, ending with null
   * @return 0, or an error number
   */
  int posix_spawnp(
      @intptr_t long pid,
      String file,
      @intptr_t long fileActions,
      @intptr_t long attributes,
      @In String[] argv,
      @In String[] envp);

  /**
   * {@code int posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa)}.
   *
   * @param fileActions the object to initialize
   * @return 0, or an error number
   */
  int posix_spawn_file_actions_init(@intptr_t long fileActions);

  /**
   * {@code int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa)}.
   *
   * @param fileActions the object to release
   * @return 0, or an error number
   */
  int posix_spawn_file_actions_destroy(@intptr_t long fileActions);

  /**
   * {@code int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *fa, int fd, int
   * newfd)}.
   *
   * @param fileActions the file actions
   * @param fd the descriptor to copy
   * @param newFd the number the copy gets in the child
   * @return 0, or an error number
   */
  int posix_spawn_file_actions_adddup2(@intptr_t long fileActions, int fd, int newFd);

  /**
   * {@code int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *fa, int fd, const char
   * *path, int oflag, mode_t mode)}.
   *
   * @param fileActions the file actions
   * @param fd the descriptor number the opened file gets in the child
   * @param path the file
   * @param flags the open flags
   * @param mode the mode of a created file
   * @return 0, or an error number
   */
  int posix_spawn_file_actions_addopen(
      @intptr_t long fileActions, int fd, String path, int flags, int mode);

  /**
   * {@code int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *fa, const char
   * *path)} (glibc 2.29+).
   *
   * @param fileActions the file actions
   * @param path the child's working directory
   * @return 0, or an error number
   */
  int posix_spawn_file_actions_addchdir_np(@intptr_t long fileActions, String path);

  /**
   * {@code int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *fa, int from)}
   * (glibc 2.34+).
   *
   * @param fileActions the file actions
   * @param from the lowest descriptor the child closes
   * @return 0, or an error number
   */
  int posix_spawn_file_actions_addclosefrom_np(@intptr_t long fileActions, int from);

  /**
   * {@code int posix_spawnattr_init(posix_spawnattr_t *attr)}.
   *
   * @param attributes the object to initialize
   * @return 0, or an error number
   */
  int posix_spawnattr_init(@intptr_t long attributes);

  /**
   * {@code int posix_spawnattr_destroy(posix_spawnattr_t *attr)}.
   *
   * @param attributes the object to release
   * @return 0, or an error number
   */
  int posix_spawnattr_destroy(@intptr_t long attributes);

  /**
   * {@code int posix_spawnattr_setflags(posix_spawnattr_t *attr, short flags)}.
   *
   * @param attributes the attributes
   * @param flags {@code POSIX_SPAWN_*} flags, or-ed
   * @return 0, or an error number
   */
  int posix_spawnattr_setflags(@intptr_t long attributes, short flags);

  /**
   * {@code int posix_spawnattr_setsigmask(posix_spawnattr_t *attr, const sigset_t *mask)}.
   *
   * @param attributes the attributes
   * @param mask the child's signal mask
   * @return 0, or an error number
   */
  int posix_spawnattr_setsigmask(@intptr_t long attributes, @intptr_t long mask);

  /**
   * {@code int posix_spawnattr_setsigdefault(posix_spawnattr_t *attr, const sigset_t *set)}.
   *
   * @param attributes the attributes
   * @param signals the signals whose action the child resets to the default
   * @return 0, or an error number
   */
  int posix_spawnattr_setsigdefault(@intptr_t long attributes, @intptr_t long signals);

  /**
   * {@code int sigemptyset(sigset_t *set)}.
   *
   * @param set the set to empty
   * @return 0, or -1
   */
  int sigemptyset(@intptr_t long set);

  /**
   * {@code int sigaddset(sigset_t *set, int signum)}.
   *
   * @param set the set
   * @param signal the signal to add
   * @return 0, or -1
   */
  int sigaddset(@intptr_t long set, int signal);

  /**
   * {@code int fcntl(int fd, int cmd, int arg)}.
   *
   * @param fd the descriptor
   * @param command such as {@code F_SETFL}
   * @param argument the command's argument
   * @return the command's result, or -1
   */
  int fcntl(int fd, int command, int argument);

  /**
   * {@code pid_t waitpid(pid_t pid, int *status, int options)}.
   *
   * @param pid the child
   * @param status where its status goes
   * @param options {@code WNOHANG} or 0
   * @return the child's id once reaped, 0 if it still runs (with {@code WNOHANG}), or -1
   */
  int waitpid(int pid, @intptr_t long status, int options);

  /**
   * {@code int kill(pid_t pid, int sig)}.
   *
   * @param pid the process
   * @param signal the signal
   * @return 0, or -1
   */
  int kill(int pid, int signal);

  /**
   * {@code int poll(struct pollfd *fds, nfds_t nfds, int timeout)}.
   *
   * @param fds the array of {@code struct pollfd}
   * @param count its length
   * @param timeoutMillis the longest wait; -1 without limit
   * @return how many descriptors are ready, 0 on timeout, or -1
   */
  int poll(@intptr_t long fds, long count, int timeoutMillis);

  /**
   * {@code long syscall(long number, ...)} with four arguments, for {@code pidfd_open} and {@code
   * pidfd_send_signal}, which older C libraries do not wrap.
   *
   * @param number the system call's number
   * @param a the first argument
   * @param b the second argument
   * @param c the third argument
   * @param d the fourth argument
   * @return the call's result, or -1
   */
  @ssize_t
  long syscall(
      @ssize_t long number, @ssize_t long a, @ssize_t long b, @ssize_t long c, @ssize_t long d);
}
