// Generated with `jdeps --generate-module-info` (JDK 25) for the jlink image: jlink refuses
// automatic modules. ModiTect (add-module-info) compiles it into a copy of the jar.
module jnr.a64asm {
  exports jnr.a64asm;
}
