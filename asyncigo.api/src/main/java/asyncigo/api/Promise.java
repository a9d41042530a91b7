package asyncigo.api;

/**
 * The write side of a {@link Future}: a future that its holder completes.
 *
 * <p><b>Why two types.</b> asyncio has one {@code Future} type with {@code set_result}, so a
 * task, being a future, exposes setters that always raise. Here the read side ({@link Future}:
 * await, state, result, cancel, callbacks) and the write side (this type: {@link #complete} and
 * {@link #fail}, named as in {@link java.util.concurrent.CompletableFuture}) are apart, as a
 * promise and its future are in C++, Scala and Kotlin ({@code CompletableDeferred}). A {@link
 * Task} is a future but never a promise: its body alone settles it. {@link Loop#newFuture()}
 * (asyncio's {@code loop.create_future()}) returns a promise; hand it out typed as {@link Future}
 * to code that should only await it.
 *
 * <p><b>Completion.</b> The first of {@link #complete}, {@link #fail} and {@link #cancel} wins;
 * later calls return false and change nothing. Completing a promise never runs other code inside
 * the completing call: done callbacks and awaiting tasks are resumed through the loop's ready
 * queue, in the order they were registered.
 *
 * <p><b>Threading.</b> {@link #complete} and {@link #fail} are loop-confined: called from another
 * thread they throw {@link IllegalStateException} naming the method and the thread, and the
 * promise stays as it was. From another thread, hand the call to the loop with {@link
 * Loop#callSoonThreadsafe}. The rest is as in {@link Future}.
 *
 * @param <T> the result type; null results are allowed
 * @since 0.1
 */
public interface Promise<T> extends Future<T> {

  /**
   * Completes the future with {@code result}. Loop-confined.
   *
   * @param result the result, may be null
   * @return true if this call completed it, false if it was already done (completed, failed or
   *     cancelled)
   * @throws IllegalStateException if called from another thread than the loop's, before any
   *     state change
   */
  boolean complete(T result);

  /**
   * Completes the future with {@code failure}: awaiting tasks get it thrown. Loop-confined.
   *
   * @param failure the exception that awaiting tasks get
   * @return true if this call completed it, false if it was already done (completed, failed or
   *     cancelled)
   * @throws NullPointerException if failure is null, before any state change
   * @throws IllegalStateException if called from another thread than the loop's, before any
   *     state change
   */
  boolean fail(Throwable failure);
}
