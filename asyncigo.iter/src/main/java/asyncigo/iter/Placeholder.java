package asyncigo.iter;
/** Placeholder until the iterator module lands. */
final class Placeholder { private Placeholder() {} }
