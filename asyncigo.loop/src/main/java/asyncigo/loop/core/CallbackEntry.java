package asyncigo.loop.core;

/** A plain {@link Runnable} in the ready queue: a timer's or a thread-safe callback. */
final class CallbackEntry implements ReadyEntry {
  private final Runnable callback;

  CallbackEntry(Runnable callback) {
    this.callback = callback;
  }

  @Override
  public RealTask<?> takeTurn() {
    callback.run();
    return null;
  }

  @Override
  public String toString() {
    return callback.toString();
  }
}
