package asyncigo.api.internal.sync;

import asyncigo.api.Async;
import asyncigo.api.Coroutine;
import asyncigo.api.Handle;
import asyncigo.api.Loop;
import asyncigo.api.Task;
import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.WaitMode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link asyncigo.api.sync.Cleanup#shielded}. The block runs in a task of its own, because a
 * timeout inside {@link Task#shielded} could not interrupt it: the shield holds back exactly the
 * task cancellation that timeouts use. The caller waits for that task inside the shield, and a
 * timer cancels the task when the limit passes.
 */
public final class BoundedCleanup {
  private BoundedCleanup() {}

  /** Runs {@code block} shielded, for at most {@code limit}. */
  public static <T> Optional<T> run(Duration limit, Coroutine<T> block) {
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(block, "block");
    if (limit.isNegative()) {
      throw new IllegalArgumentException("cleanup limit must not be negative: " + limit);
    }
    Task<?> caller = Async.currentTask();
    Loop loop = caller.loop();
    return caller.shielded(
        () -> {
          Task<T> cleanup = loop.spawn(caller.name() + "-cleanup", block);
          Handle timer = loop.callLater(limit, cleanup::cancel);
          try {
            Async.await(WaitMode.ALL_COMPLETED, cleanup);
          } finally {
            timer.cancel();
          }
          return switch (cleanup.state()) {
            case SUCCEEDED -> Optional.ofNullable(cleanup.resultNow());
            case FAILED -> throw UncheckedExecutionException.rethrow(cleanup.exceptionNow());
            default -> Optional.empty();
          };
        });
  }
}
