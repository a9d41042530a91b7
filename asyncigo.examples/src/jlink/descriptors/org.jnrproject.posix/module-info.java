// Generated with `jdeps --generate-module-info` (JDK 25) for the jlink image: jlink refuses
// automatic modules. ModiTect (add-module-info) compiles it into a copy of the jar.
module org.jnrproject.posix {
  requires java.logging;
  requires java.management;
  requires jdk.unsupported;
  requires transitive org.jnrproject.constants;
  requires transitive org.jnrproject.ffi;

  exports jnr.posix;
  exports jnr.posix.util;
  exports jnr.posix.windows;
}
