// Generated with `jdeps --generate-module-info` (JDK 25): jlink refuses automatic modules.
// asyncigo.jnr compiles it against the original jar and adds it to a copy (see its pom.xml).
// Hand edit: jffi loads its JNI stub from the resources of the nativelibs jar, so that module
// must be in the module graph; nothing else requires it.
module org.jnrproject.jffi {
  requires java.logging;
  requires transitive jdk.unsupported;
  requires org.jnrproject.jffi.nativelibs;

  exports com.kenai.jffi;
  exports com.kenai.jffi.internal;
}
