package asyncigo.iter;

/**
 * A value with its position: an element of {@link Iter#enumerate}.
 *
 * @param index the position, counted from the start index given to {@code enumerate}
 * @param value the value (null allowed)
 * @param <T> the value type
 */
public record Indexed<T>(long index, T value) {}
