package asyncigo.iter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.api.Async;
import asyncigo.api.CancelledException;
import asyncigo.api.Task;
import asyncigo.api.iter.AsyncIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every combinator, consumed pull-style and push-style, over counting generator sources of five
 * values ({@code 0..4}, and {@code 10..14} for a second input): laziness, early exit at every
 * position, a failure at every position of every input, and cancellation of the consumer.
 */
class CombinatorMatrixTest {
  private static final int LENGTH = 5;
  private static final RuntimeException STOP = new RuntimeException("consumer stops");

  /**
   * A combinator under test.
   *
   * @param pulledForFirst how many values each input must have produced when the first output
   *     arrives: no more (laziness), no fewer
   */
  record Case(
      String name,
      Function<List<AsyncSeq<Integer>>, AsyncSeq<?>> build,
      int[] pulledForFirst,
      String expected) {
    int arity() {
      return pulledForFirst.length;
    }

    /** The number of outputs of a full consumption. */
    int total() {
      Probe[] probes = probes(this, i -> new Probe(10 * i, LENGTH));
      return TestLoop.runOnce(() -> CombinatorMatrixTest.build(this, probes).toList().size());
    }

    @Override
    public String toString() {
      return name;
    }
  }

  enum Mode {
    /** hasNext/next, then close. */
    PULL,
    /** forEach, the action throwing to stop. */
    PUSH
  }

  static List<Case> cases() {
    return List.of(
        new Case("map", s -> s.get(0).map(x -> x * 2), new int[] {1}, "[0, 2, 4, 6, 8]"),
        new Case("filter", s -> s.get(0).filter(x -> x % 2 == 1), new int[] {2}, "[1, 3]"),
        new Case(
            "flatMap",
            s -> s.get(0).flatMap(v -> Iter.range(v)),
            new int[] {2},
            "[0, 0, 1, 0, 1, 2, 0, 1, 2, 3]"),
        new Case("take", s -> s.get(0).take(3), new int[] {1}, "[0, 1, 2]"),
        new Case("takeWhile", s -> s.get(0).takeWhile(x -> x < 3), new int[] {1}, "[0, 1, 2]"),
        new Case("drop", s -> s.get(0).drop(2), new int[] {3}, "[2, 3, 4]"),
        new Case("chunked", s -> s.get(0).chunked(2), new int[] {2}, "[[0, 1], [2, 3], [4]]"),
        new Case("distinct", s -> s.get(0).map(x -> x / 2).distinct(), new int[] {1}, "[0, 1, 2]"),
        new Case(
            "enumerate",
            s -> s.get(0).enumerate(5).map(e -> e.index() + ":" + e.value()),
            new int[] {1},
            "[5:0, 6:1, 7:2, 8:3, 9:4]"),
        new Case(
            "zip",
            s -> Iter.zip(s.get(0), s.get(1)).map(p -> p.first() + "|" + p.second()),
            new int[] {1, 1},
            "[0|10, 1|11, 2|12, 3|13, 4|14]"),
        new Case(
            "zipLongest",
            s ->
                Iter.zipLongest(s.get(0), s.get(1).take(3))
                    .map(p -> p.first() + "|" + p.second()),
            new int[] {1, 1},
            "[0|10, 1|11, 2|12, 3|null, 4|null]"),
        new Case(
            "chain",
            s -> Iter.chain(s.get(0), s.get(1)),
            new int[] {1, 0},
            "[0, 1, 2, 3, 4, 10, 11, 12, 13, 14]"),
        new Case(
            "flatten",
            s -> Iter.flatten(List.of(s.get(0), s.get(1))),
            new int[] {1, 0},
            "[0, 1, 2, 3, 4, 10, 11, 12, 13, 14]"));
  }

  static Stream<Arguments> matrix() {
    return cases().stream().flatMap(c -> Arrays.stream(Mode.values()).map(m -> Arguments.of(c, m)));
  }

  /**
   * What a consumption saw.
   *
   * @param producedAtOutput how many values each input had produced when each output arrived
   * @param producedAtReturn how many values each input had produced when consumption returned
   * @param unfinishedAtReturn the inputs that had started but not run their finally block when
   *     close or forEach returned
   */
  record Outcome(
      List<Object> outputs,
      Throwable failure,
      List<List<Integer>> producedAtOutput,
      List<Integer> producedAtReturn,
      List<Integer> unfinishedAtReturn) {}

  private static Probe[] probes(Case c, IntFunction<Probe> make) {
    Probe[] probes = new Probe[c.arity()];
    for (int i = 0; i < probes.length; i++) {
      probes[i] = make.apply(i);
    }
    return probes;
  }

  private static AsyncSeq<?> build(Case c, Probe[] probes) {
    List<AsyncSeq<Integer>> sources = new ArrayList<>();
    for (Probe p : probes) {
      sources.add(p.seq());
    }
    return c.build().apply(sources);
  }

  private static List<Integer> produced(Probe[] probes) {
    List<Integer> counts = new ArrayList<>();
    for (Probe p : probes) {
      counts.add(p.produced);
    }
    return counts;
  }

  /** Consumes {@code seq} in {@code mode}, stopping after {@code stopAfter} outputs (-1: never). */
  private static Outcome consume(AsyncSeq<?> seq, Mode mode, int stopAfter, Probe[] probes) {
    List<Object> outputs = new ArrayList<>();
    List<List<Integer>> producedAt = new ArrayList<>();
    Throwable failure = null;
    if (mode == Mode.PULL) {
      AsyncIterator<?> it = seq.iterator();
      try {
        while (outputs.size() != stopAfter && it.hasNext()) {
          outputs.add(it.next());
          producedAt.add(produced(probes));
        }
      } catch (Throwable t) {
        failure = t;
      } finally {
        it.close();
      }
    } else {
      try {
        seq.forEach(
            x -> {
              if (outputs.size() == stopAfter) {
                throw STOP;
              }
              outputs.add(x);
              producedAt.add(produced(probes));
            });
      } catch (Throwable t) {
        failure = t;
      }
    }
    return new Outcome(outputs, failure, producedAt, produced(probes), unfinished(probes));
  }

  private static List<Integer> unfinished(Probe[] probes) {
    List<Integer> inputs = new ArrayList<>();
    for (int i = 0; i < probes.length; i++) {
      if (probes[i].started != probes[i].finished) {
        inputs.add(i);
      }
    }
    return inputs;
  }

  private static void assertEveryStartedSourceFinishedOnce(Probe[] probes, String context) {
    for (int i = 0; i < probes.length; i++) {
      assertTrue(probes[i].started <= 1, context + ": input " + i + " started twice");
      assertEquals(
          probes[i].started, probes[i].finished, context + ": input " + i + " finally runs");
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("matrix")
  void fullConsumptionGivesTheExpectedOutputsAndFinishesEverySource(Case c, Mode mode) {
    Probe[] probes = probes(c, i -> new Probe(10 * i, LENGTH));
    Outcome outcome = TestLoop.runOnce(() -> consume(build(c, probes), mode, -1, probes));
    assertNull(outcome.failure());
    assertEquals(c.expected(), outcome.outputs().toString());
    assertEquals(List.of(), outcome.unfinishedAtReturn());
    assertEveryStartedSourceFinishedOnce(probes, c.name());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("matrix")
  void nothingIsPulledBeforeItIsNeeded(Case c, Mode mode) {
    Probe[] probes = probes(c, i -> new Probe(10 * i, LENGTH));
    Outcome outcome =
        TestLoop.runOnce(
            () -> {
              AsyncSeq<?> seq = build(c, probes);
              AsyncIterator<?> unused = seq.iterator();
              for (Probe p : probes) {
                assertEquals(0, p.started, "a source started before the first hasNext");
              }
              unused.close();
              return consume(seq, mode, 1, probes);
            });
    List<Integer> first = new ArrayList<>();
    for (int n : c.pulledForFirst()) {
      first.add(n);
    }
    assertEquals(first, outcome.producedAtOutput().get(0), "values pulled for the first output");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void pullAndPushPullTheSameNumberOfValuesForEachOutputAndInAll(Case c) {
    List<Outcome> perMode = new ArrayList<>();
    for (Mode mode : Mode.values()) {
      Probe[] probes = probes(c, i -> new Probe(10 * i, LENGTH));
      perMode.add(TestLoop.runOnce(() -> consume(build(c, probes), mode, -1, probes)));
    }
    assertEquals(perMode.get(0).producedAtOutput(), perMode.get(1).producedAtOutput());
    assertEquals(perMode.get(0).producedAtReturn(), perMode.get(1).producedAtReturn());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("matrix")
  void stoppingEarlyAtEveryPositionRunsEverySourcesFinallyExactlyOnce(Case c, Mode mode) {
    int total = c.total();
    for (int stopAfter = 0; stopAfter < total; stopAfter++) {
      Probe[] probes = probes(c, i -> new Probe(10 * i, LENGTH));
      int at = stopAfter;
      Outcome outcome = TestLoop.runOnce(() -> consume(build(c, probes), mode, at, probes));
      String context = c.name() + " stopped after " + at;
      if (mode == Mode.PUSH) {
        assertSame(STOP, outcome.failure(), context);
      } else {
        assertNull(outcome.failure(), context);
      }
      assertEquals(at, outcome.outputs().size(), context);
      assertEquals(List.of(), outcome.unfinishedAtReturn(), context + ": unfinished at return");
      assertEveryStartedSourceFinishedOnce(probes, context);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aForLoopThatBreaksAtEveryPositionReleasesEverySourceWhenTheConsumingTaskEnds(Case c) {
    int total = c.total();
    for (int stopAfter = 1; stopAfter < total; stopAfter++) {
      Probe[] probes = probes(c, i -> new Probe(10 * i, LENGTH));
      int at = stopAfter;
      TestLoop.runOnce(
          () -> {
            AsyncSeq<?> seq = build(c, probes);
            Async.spawn(
                    () -> {
                      int n = 0;
                      for (Object ignored : seq) {
                        if (++n == at) {
                          break;
                        }
                      }
                      return null;
                    })
                .await();
            Async.sleep(Duration.ofMillis(1));
            assertEveryStartedSourceFinishedOnce(probes, c.name() + " broke after " + at);
            return null;
          });
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("matrix")
  void aFailureAtEveryPositionOfEveryInputArrivesAfterTheOutputsBeforeIt(Case c, Mode mode) {
    for (int input = 0; input < c.arity(); input++) {
      for (int k = 0; k <= LENGTH; k++) {
        int failing = input;
        int at = k;
        // Reference: the same input ending after k values instead of failing.
        Probe[] finite = probes(c, i -> new Probe(10 * i, i == failing ? at : LENGTH));
        int[] outputsWhenEnded = {-1};
        List<Object> reference = new ArrayList<>();
        TestLoop.runOnce(
            () -> {
              AsyncSeq<?> seq = build(c, finite);
              consumeWatchingEnd(seq, mode, finite[failing], reference, outputsWhenEnded);
              return null;
            });

        Probe[] probes =
            probes(c, i -> i == failing ? new Probe(10 * i, LENGTH).failAfter(at) : new Probe(10 * i, LENGTH));
        Outcome outcome = TestLoop.runOnce(() -> consume(build(c, probes), mode, -1, probes));
        String context = c.name() + ": input " + failing + " fails after " + at;
        if (outputsWhenEnded[0] >= 0) {
          assertSame(probes[failing].failure, outcome.failure(), context);
          assertEquals(reference.subList(0, outputsWhenEnded[0]), outcome.outputs(), context);
        } else {
          assertNull(outcome.failure(), context);
          assertEquals(reference, outcome.outputs(), context);
        }
        assertEquals(List.of(), outcome.unfinishedAtReturn(), context + ": unfinished at return");
        assertEveryStartedSourceFinishedOnce(probes, context);
      }
    }
  }

  /** Consumes fully, noting how many outputs had arrived when {@code watched} reached its end. */
  private static void consumeWatchingEnd(
      AsyncSeq<?> seq, Mode mode, Probe watched, List<Object> outputs, int[] outputsWhenEnded) {
    Runnable check =
        () -> {
          if (watched.ended > 0 && outputsWhenEnded[0] < 0) {
            outputsWhenEnded[0] = outputs.size();
          }
        };
    if (mode == Mode.PULL) {
      try (AsyncIterator<?> it = seq.iterator()) {
        while (true) {
          boolean more = it.hasNext();
          check.run();
          if (!more) {
            break;
          }
          outputs.add(it.next());
        }
      }
    } else {
      seq.forEach(
          x -> {
            check.run();
            outputs.add(x);
          });
      check.run();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("matrix")
  void cancellingTheConsumingTaskClosesEverySourceBeforeTheTaskEnds(Case c, Mode mode) {
    Probe[] probes = probes(c, i -> new Probe(10 * i, LENGTH).pause(Duration.ofSeconds(1)));
    List<Outcome> seen = new ArrayList<>();
    TestLoop.runOnce(
        () -> {
          AsyncSeq<?> seq = build(c, probes);
          Task<Void> consumer =
              Async.spawn(
                  () -> {
                    seen.add(consume(seq, mode, -1, probes));
                    return null;
                  });
          Async.sleep(Duration.ofMillis(2500));
          consumer.cancel();
          assertThrows(CancelledException.class, consumer::await);
          return null;
        });
    Outcome outcome = seen.get(0);
    assertInstanceOf(CancelledException.class, outcome.failure());
    assertEquals(List.of(), outcome.unfinishedAtReturn(), "cleanup ran before the consumer went on");
    assertEquals(1, probes[0].started);
    assertEveryStartedSourceFinishedOnce(probes, c.name() + " cancelled");
  }
}
