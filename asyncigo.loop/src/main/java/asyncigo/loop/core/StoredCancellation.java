package asyncigo.loop.core;

import asyncigo.api.CancelledException;

/**
 * The outcome stored in a cancelled future or task. It carries no stack trace, so cancelling a
 * million tasks at once (as {@code run} does on exit) stays cheap; every await of the cancelled
 * future throws a fresh {@link CancelledException} with the awaiter's own stack.
 */
final class StoredCancellation extends CancelledException {
  private static final long serialVersionUID = 1L;

  StoredCancellation(String message) {
    super(message);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
