package asyncigo.api.iter;

/**
 * A sequence whose elements may arrive asynchronously: iterating may suspend the consuming task
 * (inside {@code hasNext()}), never the loop thread. A plain {@code for} loop works inside a task.
 * Each new iteration starts over (re-runs the producer).
 *
 * <p>Close the iterator to stop early and release the producer (its {@code finally} blocks run,
 * its sockets close): use try-with-resources on {@link #iterator()}. Loop-confined.
 *
 * @param <T> the element type
 * @since 0.1
 */
public interface AsyncIterable<T> extends Iterable<T> {
  @Override
  AsyncIterator<T> iterator();
}
