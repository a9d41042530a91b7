package asyncigo.examples;

import static asyncigo.iter.Iter.chain;
import static asyncigo.iter.Iter.distinct;
import static asyncigo.iter.Iter.enumerate;
import static asyncigo.iter.Iter.flatMap;
import static asyncigo.iter.Iter.range;
import static asyncigo.iter.Iter.zip;
import static asyncigo.iter.Iter.zipLongest;

import asyncigo.api.Loop;
import asyncigo.iter.AsyncSeq;
import asyncigo.iter.Indexed;
import asyncigo.iter.Iter;
import asyncigo.iter.Pair;
import java.io.PrintStream;
import java.util.List;

/**
 * The seed's iterator utilities: a generator collected to a list, zip, zipLongest, enumerate,
 * flatMap over ranges, chain, distinct (the seed's Uniq), and a generator whose failure reaches
 * the consumer after the values yielded before it.
 *
 * <pre>
 * [0, 1, 1, 2, 3, 5, 8, 13]
 * 1: a
 * 2: b
 * 3: c
 * 4: d
 * 1: a
 * 2: b
 * 3: c
 * 4: d
 * null: e
 * 5: a
 * 6: b
 * 7: c
 * 8: d
 * [0, 0, 1, 0, 1, 2, 0, 1, 2, 3, 0, 1, 2, 3, 4]
 * [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
 * [1, 3, 5, 8, 2, 9, 7, 4]
 * 0
 * 1
 * 2
 * 3
 * 4
 * error: oops
 * </pre>
 */
public final class IteratorExamples {
  private IteratorExamples() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the examples inside a task of a new loop. */
  public static void run(PrintStream out) {
    try (Loop loop = Loop.open()) {
      loop.run(
          () -> {
            examples(out);
            return null;
          });
    }
  }

  private static void examples(PrintStream out) {
    AsyncSeq<Integer> fibonacci =
        Iter.generate(
            y -> {
              int a = 0;
              int b = 1;
              while (a < 20) {
                y.yield(a);
                int next = a + b;
                a = b;
                b = next;
              }
            });
    out.println(fibonacci.toList());

    List<Integer> numbers = List.of(1, 2, 3, 4);
    List<String> letters = List.of("a", "b", "c", "d", "e");
    for (Pair<Integer, String> p : zip(numbers, letters)) {
      out.println(p.first() + ": " + p.second());
    }
    for (Pair<Integer, String> p : zipLongest(numbers, letters)) {
      out.println(p.first() + ": " + p.second());
    }
    for (Indexed<String> e : enumerate(5, List.of("a", "b", "c", "d"))) {
      out.println(e.index() + ": " + e.value());
    }

    out.println(flatMap(range(5), v -> range(v + 1)).toList());
    out.println(chain(List.of(1, 2, 3, 4), List.of(5, 6, 7), List.of(8, 9, 10, 11, 12)).toList());
    out.println(distinct(List.of(1, 3, 5, 5, 8, 5, 2, 3, 9, 7, 3, 3, 4, 1)).toList());

    AsyncSeq<Integer> failing =
        Iter.generate(
            y -> {
              for (int i = 0; i < 5; i++) {
                y.yield(i);
              }
              throw new IllegalStateException("oops");
            });
    try {
      for (int x : failing) {
        out.println(x);
      }
    } catch (IllegalStateException e) {
      out.println("error: " + e.getMessage());
    }
  }
}
