package asyncigo.iter;

/**
 * The body of a generator: code that produces a sequence by calling {@link Yield#yield} once per
 * element, and may await, sleep and read sockets between yields. Turn it into a sequence with
 * {@link Iter#generate(Generator)}; each iteration of that sequence runs the body anew.
 *
 * <pre>{@code
 * AsyncSeq<Integer> lengths = Iter.generate(y -> {
 *   try (AsyncStream stream = Loop.current().connect("localhost", 6172)) {
 *     for (byte[] line : stream.lines()) {
 *       y.yield(new String(line, UTF_8).strip().length());
 *     }
 *   }
 * });
 * }</pre>
 *
 * <p>Returning ends the sequence. Throwing ends it with that failure, which reaches the consumer
 * after the values yielded before it (checked exceptions wrapped in {@link
 * asyncigo.api.UncheckedExecutionException}). When the consumer stops early, the pending {@code
 * yield} throws a {@link asyncigo.api.CancelledException}; see {@link AsyncSeq} for what runs
 * where.
 *
 * @param <T> the element type
 * @since 0.1
 */
@FunctionalInterface
public interface Generator<T> {
  /**
   * Runs the body, handing each element to {@code out}; called once per iteration, in the task
   * that produces (see {@link AsyncSeq}).
   *
   * @param out receives each element
   * @throws Exception any failure, which ends the sequence after the elements yielded before it
   */
  void generate(Yield<T> out) throws Exception;
}
