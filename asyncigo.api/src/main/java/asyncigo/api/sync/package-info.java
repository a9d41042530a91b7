/**
 * Structured concurrency, timeouts and synchronization primitives for the tasks of one loop, with
 * asyncio's semantics.
 *
 * <ul>
 *   <li>{@link asyncigo.api.sync.TaskGroup}: tasks that all end before the block that spawned
 *       them does; the first failure cancels the rest.
 *   <li>{@link asyncigo.api.sync.Timeout}: deadlines around a block ({@code failAfter}, {@code
 *       moveOnAfter}) and around one future ({@code waitFor}).
 *   <li>{@link asyncigo.api.sync.Cleanup}: awaiting cleanup in a cancelled task, with a time limit.
 *   <li>{@link asyncigo.api.sync.CompletionOrder}: futures in the order they complete.
 *   <li>{@link asyncigo.api.sync.AsyncLock}, {@link asyncigo.api.sync.AsyncEvent}, {@link
 *       asyncigo.api.sync.AsyncCondition}, {@link asyncigo.api.sync.AsyncSemaphore}, {@link
 *       asyncigo.api.sync.AsyncBarrier} and {@link asyncigo.api.sync.AsyncQueue}.
 * </ul>
 *
 * <p><b>Common contract of the primitives.</b>
 *
 * <ul>
 *   <li><i>Loop-confined.</i> Call them from tasks and callbacks of one loop. They need no loop to
 *       be created, and waiting is the only operation that needs the current task. A primitive
 *       belongs to the loop of the first task or callback that calls it; from then on every
 *       method (all but the fixed {@code capacity()}, {@code parties()} and {@code lock()}) checks
 *       first that it runs on that loop's thread ({@link asyncigo.api.Loop#checkLoopThread}).
 *       Called from another thread, from a task of another loop, or, for its first call, outside
 *       any running loop, it throws {@link IllegalStateException} naming the method and the
 *       thread, and changes nothing. Task groups, timeouts and {@link
 *       asyncigo.api.sync.CompletionOrder} iterators check the same way.
 *   <li><i>FIFO.</i> Waiters are served in the order they started waiting. A grant (a lock, a
 *       permit, an item, a free slot) goes straight to the oldest waiter, so a newcomer that does
 *       not wait never overtakes one that does.
 *   <li><i>Cancel-safe.</i> A waiter cancelled while it waits leaves the primitive exactly as if it
 *       had never waited. When the grant had already reached it and the task was cancelled before
 *       it resumed, the grant passes on to the next waiter (or back to the primitive); its wait
 *       still throws {@link asyncigo.api.CancelledException}.
 *   <li><i>Clear misuse errors.</i> Releasing an unlocked lock, releasing a bounded semaphore too
 *       often, a negative count, a put after shutdown: each throws an exception naming the mistake.
 * </ul>
 */
package asyncigo.api.sync;
