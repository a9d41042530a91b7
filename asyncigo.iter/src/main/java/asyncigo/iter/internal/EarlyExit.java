package asyncigo.iter.internal;

import asyncigo.api.CancelledException;

/**
 * Thrown through a push-style producer to stop it once its consumer needs no more elements (take,
 * takeWhile, zip ...): the producer's {@code yield} throws it, its {@code finally} blocks run, and
 * the combinator that threw it catches it again by identity. A {@link CancelledException}, so
 * code that rethrows cancellation lets it through. Stackless: it is control flow, not an error.
 */
public final class EarlyExit extends CancelledException {
  private static final long serialVersionUID = 1L;

  /** A new signal; each stopping iteration uses its own instance. */
  public EarlyExit() {
    super("the consumer stopped the iteration");
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
