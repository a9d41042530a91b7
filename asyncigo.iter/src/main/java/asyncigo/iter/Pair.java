package asyncigo.iter;

/**
 * Two values side by side: an element of {@link Iter#zip} or {@link Iter#zipLongest}. Either may
 * be null. Immutable; thread-safe.
 *
 * @param first the value from the first sequence
 * @param second the value from the second sequence
 * @param <A> the type of the first value
 * @param <B> the type of the second value
 * @since 0.1
 */
public record Pair<A, B>(A first, B second) {}
