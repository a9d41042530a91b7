/**
 * A readiness poller on Linux epoll, bound through jnr-ffi: provides the {@code "epoll"} {@link
 * asyncigo.api.spi.PollerProvider}.
 *
 * <p>Needs {@code --enable-native-access=org.jnrproject.jffi} on JDK 24+ (jffi loads its JNI stub;
 * without the flag the JDK warns, and with native access denied the backend reports itself
 * unavailable). The JNR modules come from {@code io.asyncigo:asyncigo.jnr}: the JNR jars with real
 * module descriptors, so that jlink accepts them.
 */
module asyncigo.poll.epoll {
  requires asyncigo.api;
  requires org.jnrproject.ffi;
  requires org.jnrproject.jffi;
  requires org.jnrproject.enxio;
  requires org.jnrproject.constants;

  // Internal. Exported unconditionally because jnr-ffi defines the generated binding class in an
  // unnamed module, which can only see exported packages.
  exports asyncigo.poll.epoll.sys;

  provides asyncigo.api.spi.PollerProvider with asyncigo.poll.epoll.EpollPollerProvider;
}
