package asyncigo.iter;

import static asyncigo.iter.Iter.chain;
import static asyncigo.iter.Iter.chunked;
import static asyncigo.iter.Iter.count;
import static asyncigo.iter.Iter.distinct;
import static asyncigo.iter.Iter.drop;
import static asyncigo.iter.Iter.enumerate;
import static asyncigo.iter.Iter.filter;
import static asyncigo.iter.Iter.flatMap;
import static asyncigo.iter.Iter.flatten;
import static asyncigo.iter.Iter.map;
import static asyncigo.iter.Iter.range;
import static asyncigo.iter.Iter.take;
import static asyncigo.iter.Iter.takeWhile;
import static asyncigo.iter.Iter.zip;
import static asyncigo.iter.Iter.zipLongest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import asyncigo.api.iter.AsyncIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The exact results of each combinator over plain iterables (no loop needed: nothing awaits),
 * pulled and pushed, and the checks on their arguments.
 */
class CombinatorResultsTest {

  /** Collects {@code seq} both ways and asserts both give {@code expected}. */
  private static void assertBothWays(String expected, AsyncSeq<?> seq) {
    assertEquals(expected, seq.toList().toString(), "forEach");
    List<Object> pulled = new ArrayList<>();
    try (AsyncIterator<?> it = seq.iterator()) {
      it.forEachRemaining(pulled::add);
    }
    assertEquals(expected, pulled.toString(), "iterator");
  }

  @Test
  void rangeCountsFromStartToEndExclusiveAndIsEmptyOtherwise() {
    assertBothWays("[0, 1, 2]", range(3));
    assertBothWays("[-2, -1, 0]", range(-2, 1));
    assertBothWays("[]", range(0));
    assertBothWays("[]", range(-5));
    assertBothWays("[]", range(4, 2));
    assertBothWays("[2147483646]", range(Integer.MAX_VALUE - 1, Integer.MAX_VALUE));
  }

  @Test
  void countHasNoEndAndIsBoundedByTakeOrZip() {
    assertBothWays("[7, 8, 9]", count(7).take(3));
    assertBothWays("[Pair[first=0, second=a], Pair[first=1, second=b]]", zip(count(0), List.of("a", "b")));
  }

  @Test
  void mapTransformsEachElement() {
    assertBothWays("[1, 4, 9]", map(List.of(1, 2, 3), x -> x * x));
  }

  @Test
  void filterSkipsRejectedElementsAndGoesOnUnlikeTheSeedsTakeWhile() {
    assertBothWays("[2, 4, 8]", filter(List.of(1, 2, 3, 4, 5, 8, 9), x -> x % 2 == 0));
  }

  @Test
  void flatMapAndFlattenConcatenateTheInnerSequences() {
    assertBothWays(
        "[0, 0, 1, 0, 1, 2, 0, 1, 2, 3, 0, 1, 2, 3, 4]", flatMap(range(5), v -> range(v + 1)));
    assertBothWays("[a, b, c]", flatten(List.of(List.of("a"), List.of(), List.of("b", "c"))));
  }

  @Test
  void chainConcatenatesItsInputsInOrder() {
    assertBothWays(
        "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]",
        chain(List.of(1, 2, 3, 4), List.of(5, 6, 7), List.of(8, 9, 10, 11, 12)));
    assertBothWays("[]", chain());
  }

  @Test
  void zipStopsAtTheShorterInput() {
    assertBothWays(
        "[Pair[first=1, second=a], Pair[first=2, second=b], Pair[first=3, second=c],"
            + " Pair[first=4, second=d]]",
        zip(List.of(1, 2, 3, 4), List.of("a", "b", "c", "d", "e")));
  }

  @Test
  void zipLongestFillsTheMissingSideWithNullOrTheGivenDefault() {
    List<Integer> numbers = List.of(1, 2, 3, 4);
    List<String> letters = List.of("a", "b", "c", "d", "e");
    assertEquals(
        "null: e",
        format(zipLongest(numbers, letters).toList().get(4)));
    assertEquals("-1: e", format(zipLongest(numbers, letters, -1, "?").toList().get(4)));
    assertEquals("3: ?", format(zipLongest(List.of(1, 2, 3), List.of("x"), -1, "?").toList().get(2)));
    assertBothWays("[]", zipLongest(List.of(), List.of()));
  }

  private static String format(Pair<?, ?> p) {
    return p.first() + ": " + p.second();
  }

  @Test
  void enumerateNumbersFromTheStartIndex() {
    assertBothWays(
        "[Indexed[index=5, value=a], Indexed[index=6, value=b]]", enumerate(5, List.of("a", "b")));
  }

  @Test
  void distinctKeepsTheFirstOccurrenceOfEachElementIncludingNull() {
    assertBothWays(
        "[1, 3, 5, 8, 2, 9, 7, 4]", distinct(List.of(1, 3, 5, 5, 8, 5, 2, 3, 9, 7, 3, 3, 4, 1)));
    assertBothWays("[null, x]", distinct(Arrays.asList(null, "x", null)));
  }

  @Test
  void takeTakeWhileAndDropCutTheSequence() {
    assertBothWays("[1, 2]", take(List.of(1, 2, 3), 2));
    assertBothWays("[]", take(List.of(1, 2, 3), 0));
    assertBothWays("[1, 2, 3]", take(List.of(1, 2, 3), 10));
    assertBothWays("[1, 2]", takeWhile(List.of(1, 2, 3, 1), x -> x < 3));
    assertBothWays("[3]", drop(List.of(1, 2, 3), 2));
    assertBothWays("[]", drop(List.of(1, 2, 3), 5));
  }

  @Test
  void chunkedGroupsElementsAndTheLastChunkHoldsTheRest() {
    assertBothWays("[[1, 2], [3, 4], [5]]", chunked(List.of(1, 2, 3, 4, 5), 2));
    assertBothWays("[[1, 2]]", chunked(List.of(1, 2), 2));
    assertBothWays("[]", chunked(List.of(), 3));
    List<Integer> chunk = chunked(List.of(1, 2), 2).toList().get(0);
    assertThrows(UnsupportedOperationException.class, () -> chunk.add(3));
  }

  @Test
  void ofReturnsASequenceAsItIsAndClosesACloseableIteratorOfAPlainIterable() {
    AsyncSeq<Integer> seq = range(3);
    assertSame(seq, Iter.of(seq));
    int[] closed = {0};
    Iterable<Integer> closeable =
        () ->
            new CloseableIterator(List.of(1, 2, 3).iterator()) {
              @Override
              public void close() {
                closed[0]++;
              }
            };
    assertEquals(List.of(1), Iter.of(closeable).take(1).toList());
    assertEquals(1, closed[0]);
    try (AsyncIterator<Integer> it = Iter.of(closeable).iterator()) {
      it.next();
    }
    assertEquals(2, closed[0]);
  }

  private abstract static class CloseableIterator implements Iterator<Integer>, AutoCloseable {
    private final Iterator<Integer> delegate;

    CloseableIterator(Iterator<Integer> delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean hasNext() {
      return delegate.hasNext();
    }

    @Override
    public Integer next() {
      return delegate.next();
    }
  }

  @Test
  void aFunctionThatThrowsFailsTheIterationAndClosesTheSource() {
    Probe probe = new Probe(0, 5);
    IllegalStateException bad = new IllegalStateException("bad element");
    AsyncSeq<Integer> mapped =
        probe
            .seq()
            .map(
                x -> {
                  if (x == 2) {
                    throw bad;
                  }
                  return x;
                });
    List<Integer> seen = new ArrayList<>();
    TestLoop.runOnce(
        () -> {
          AsyncIterator<Integer> it = mapped.iterator();
          assertSame(bad, assertThrows(IllegalStateException.class, () -> it.forEachRemaining(seen::add)));
          assertEquals(1, probe.finished, "closed when the failure left hasNext");
          return null;
        });
    assertEquals(List.of(0, 1), seen);
  }

  @Test
  void badArgumentsAreRejectedWhenTheSequenceIsBuiltNamingWhatWasWrong() {
    assertMessage("take: n must not be negative: -1", () -> range(3).take(-1));
    assertMessage("drop: n must not be negative: -2", () -> range(3).drop(-2));
    assertMessage("chunked: size must be at least 1: 0", () -> range(3).chunked(0));
    assertMessage(
        "fromPublisher: prefetch must be at least 1: 0",
        () -> Iter.fromPublisher(s -> {}, 0));
    assertMessage("dialLines: port must be in 1..65535: 0", () -> Iter.dialLines("localhost", 0));
    assertEquals(
        "f", assertThrows(NullPointerException.class, () -> range(3).map(null)).getMessage());
    assertEquals(
        "source", assertThrows(NullPointerException.class, () -> Iter.of(null)).getMessage());
    assertEquals(
        "body", assertThrows(NullPointerException.class, () -> Iter.generate(null)).getMessage());
    assertEquals(
        "chain: source 1 is null",
        assertThrows(NullPointerException.class, () -> chain(List.of(1), null)).getMessage());
    assertEquals(
        "merge: source 0 is null",
        assertThrows(NullPointerException.class, () -> Iter.merge(null, List.of(1)))
            .getMessage());
    NullPointerException fromFlatMap =
        assertThrows(NullPointerException.class, () -> range(2).flatMap(x -> null).toList());
    assertEquals("flatMap function returned null for 0", fromFlatMap.getMessage());
  }

  private static void assertMessage(String expected, Executable build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    assertEquals(expected, e.getMessage());
  }

  @Test
  void eachIterationOfACombinatorStartsOver() {
    AsyncSeq<Integer> evens = range(6).filter(x -> x % 2 == 0);
    assertEquals(List.of(0, 2, 4), evens.toList());
    assertEquals(List.of(0, 2, 4), evens.toList());
    AsyncIterator<Integer> first = evens.iterator();
    first.next();
    assertEquals(0, evens.iterator().next());
  }
}
