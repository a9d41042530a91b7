/**
 * A readiness poller on Linux epoll, bound through jnr-ffi: provides the {@code "epoll"} {@link
 * asyncigo.api.spi.PollerProvider}.
 *
 * <p>Needs {@code --enable-native-access=org.jnrproject.jffi} on JDK 24+ (jffi loads its JNI stub;
 * without the flag the JDK warns, and with native access denied the backend reports itself
 * unavailable).
 */
module asyncigo.poll.epoll {
  requires asyncigo.api;
  requires org.jnrproject.ffi;
  requires org.jnrproject.jffi;
  requires org.jnrproject.enxio;
  requires org.jnrproject.constants;
  // jnr-ffi generates its bindings with ASM, but as an automatic module it cannot require it:
  // requiring it here puts it in the module graph.
  requires org.objectweb.asm;

  // Internal. Exported unconditionally because jnr-ffi defines the generated binding class in an
  // unnamed module, which can only see exported packages.
  exports asyncigo.poll.epoll.sys;

  provides asyncigo.api.spi.PollerProvider with asyncigo.poll.epoll.EpollPollerProvider;
}
