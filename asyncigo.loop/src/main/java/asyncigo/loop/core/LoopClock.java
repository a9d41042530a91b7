package asyncigo.loop.core;

/**
 * The loop's clock, in nanoseconds. Monotonic in production; virtual in tests, where the
 * scheduler jumps it to the next timer whenever it would otherwise wait.
 */
sealed interface LoopClock {
  /** The current loop time. Thread-safe. */
  long now();

  /** Whether this clock may be advanced by the scheduler instead of waiting. */
  boolean isVirtual();

  /** Moves a virtual clock forward to {@code time} (never backwards). Loop-confined. */
  void advanceTo(long time);

  /** The real monotonic clock, starting near 0 when the loop opens. */
  final class Monotonic implements LoopClock {
    private final long origin = System.nanoTime();

    @Override
    public long now() {
      return System.nanoTime() - origin;
    }

    @Override
    public boolean isVirtual() {
      return false;
    }

    @Override
    public void advanceTo(long time) {
      throw new UnsupportedOperationException("the monotonic clock cannot be advanced");
    }
  }

  /** A clock that starts at 0 and moves only when advanced. */
  final class Virtual implements LoopClock {
    private volatile long now;

    @Override
    public long now() {
      return now;
    }

    @Override
    public boolean isVirtual() {
      return true;
    }

    @Override
    public void advanceTo(long time) {
      if (time > now) {
        now = time;
      }
    }
  }
}
