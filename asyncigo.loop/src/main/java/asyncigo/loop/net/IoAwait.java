package asyncigo.loop.net;

import asyncigo.api.Future;
import asyncigo.api.UncheckedExecutionException;
import java.io.IOException;

/** Awaiting a future whose failure is an {@link IOException}, rethrown as it is. */
final class IoAwait {
  private IoAwait() {}

  /**
   * Awaits {@code future} and returns its result; an {@link IOException} it failed with is thrown
   * unwrapped (not inside {@link UncheckedExecutionException}).
   */
  static <T> T await(Future<T> future) throws IOException {
    try {
      return future.await();
    } catch (UncheckedExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }
}
