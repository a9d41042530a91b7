// Generated with `jdeps --generate-module-info` (JDK 25): jlink refuses automatic modules.
// asyncigo.jnr compiles it against the original jar and adds it to a copy (see its pom.xml).
module org.jnrproject.enxio {
  requires transitive org.jnrproject.constants;
  requires transitive org.jnrproject.ffi;

  exports jnr.enxio.channels;
}
