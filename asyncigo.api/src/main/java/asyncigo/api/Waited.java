package asyncigo.api;

import java.util.List;

/**
 * The outcome of {@link Async#await(WaitMode, Future[])}: immutable lists, thread-safe to read
 * (the futures in them keep their own threading contract).
 *
 * @param done the futures that are done, in argument order
 * @param pending the futures still pending, in argument order
 * @param failures the exceptions of the done futures that failed or were cancelled, in the order
 *     they completed (the last is the seed's "most recent error")
 * @since 0.1
 */
public record Waited(List<Future<?>> done, List<Future<?>> pending, List<Throwable> failures) {
  /** Copies the lists. */
  public Waited {
    done = List.copyOf(done);
    pending = List.copyOf(pending);
    failures = List.copyOf(failures);
  }
}
