// Generated with `jdeps --generate-module-info` (JDK 25): jlink refuses automatic modules.
// asyncigo.jnr compiles it against the original jar and adds it to a copy (see its pom.xml).
// Hand edit: the macOS stub sits in jni/Darwin, a legal package name, so it is encapsulated
// unless opened; jffi finds it with ClassLoader.getResource, which sees only packages opened
// unconditionally. The other stub folders (jni/x86_64-Linux, ...) are not packages.
module org.jnrproject.jffi.nativelibs {
  opens jni.Darwin;
}
