package asyncigo.api.net;

/**
 * What {@link asyncigo.api.Loop#listenUnix(java.nio.file.Path, StaleSocketFile, StreamHandler)}
 * does when a stale socket file is at the path: a Unix domain socket file that no process listens
 * on any more (connecting to it is refused), typically left behind by a process that died without
 * closing its server. A socket file that a live process listens on is never replaced ("Address
 * already in use"), and a file that is not a socket is never deleted, whichever is chosen.
 *
 * @since 0.1
 */
public enum StaleSocketFile {
  /**
   * Fail with a {@link java.net.BindException} that names the path and says how to replace it
   * (the default of {@link asyncigo.api.Loop#listenUnix(java.nio.file.Path, StreamHandler)}).
   */
  FAIL,
  /** Delete the stale socket file and listen in its place. */
  REPLACE
}
