package asyncigo.examples;
/** Placeholder until the first example lands. */
final class Placeholder { private Placeholder() {} }
