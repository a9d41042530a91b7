package asyncigo.iter;

/**
 * A value with its position: an element of {@link Iter#enumerate}. Immutable; thread-safe.
 *
 * @param index the position, counted from the start index given to {@code enumerate}
 * @param value the value (null allowed)
 * @param <T> the value type
 * @since 0.1
 */
public record Indexed<T>(long index, T value) {}
