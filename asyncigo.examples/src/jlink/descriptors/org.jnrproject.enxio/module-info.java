// Generated with `jdeps --generate-module-info` (JDK 25) for the jlink image: jlink refuses
// automatic modules. ModiTect (add-module-info) compiles it into a copy of the jar.
module org.jnrproject.enxio {
  requires transitive org.jnrproject.constants;
  requires transitive org.jnrproject.ffi;

  exports jnr.enxio.channels;
}
