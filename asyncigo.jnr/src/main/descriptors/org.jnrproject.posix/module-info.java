// Generated with `jdeps --generate-module-info` (JDK 25): jlink refuses automatic modules.
// asyncigo.jnr compiles it against the original jar and adds it to a copy (see its pom.xml).
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
