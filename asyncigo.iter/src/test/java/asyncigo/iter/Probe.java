package asyncigo.iter;

import asyncigo.api.Async;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Test source: a generator yielding {@code base, base + 1, ...} ({@code length} values) that
 * counts what happens to it. {@code failAfter(k)} makes it throw {@link #failure} after k values
 * instead of ending; {@code pause(d)} makes it sleep before each value.
 */
final class Probe {
  final RuntimeException failure = new IllegalStateException("oops");
  private final int base;
  private final int length;
  private int failAfter = -1;
  private Duration pause;

  /** How many times the body started, yielded, reached its end, and ran its finally block. */
  int started;
  int produced;
  int ended;
  int finished;
  /** Every value handed to yield, in order. */
  final List<Integer> log = new ArrayList<>();

  Probe(int base, int length) {
    this.base = base;
    this.length = length;
  }

  Probe failAfter(int k) {
    failAfter = k;
    return this;
  }

  Probe pause(Duration d) {
    pause = d;
    return this;
  }

  AsyncSeq<Integer> seq() {
    return Iter.generate(
        y -> {
          started++;
          try {
            for (int i = 0; i < length; i++) {
              if (i == failAfter) {
                ended++;
                throw failure;
              }
              if (pause != null) {
                Async.sleep(pause);
              }
              produced++;
              log.add(base + i);
              y.yield(base + i);
            }
            ended++;
            if (failAfter == length) {
              throw failure;
            }
          } finally {
            finished++;
          }
        });
  }
}
