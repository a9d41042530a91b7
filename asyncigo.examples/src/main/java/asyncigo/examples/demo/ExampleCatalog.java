package asyncigo.examples.demo;

import asyncigo.examples.ChainLinesExample;
import asyncigo.examples.IteratorExamples;
import asyncigo.examples.SocketLinesExample;
import java.io.PrintStream;
import java.util.List;

/** The README's examples that {@code asyncigo examples} runs, in README order. */
final class ExampleCatalog {
  /** An example's entry point: {@code static void run(PrintStream out)} of its class. */
  @FunctionalInterface
  interface Body {
    void run(PrintStream out) throws Exception;
  }

  /**
   * An example.
   *
   * @param name its class name, shown in the heading
   * @param body what runs it
   */
  record Example(String name, Body body) {}

  // PENDING: add each README example here once its class lands in asyncigo.examples, in README
  // order: TasksExample, WaitExample and SpawnManyExample before the iterator examples;
  // CancelExample, ShieldExample and PolyglotExample after them.
  static final List<Example> ALL =
      List.of(
          new Example("IteratorExamples", IteratorExamples::run),
          new Example("SocketLinesExample", SocketLinesExample::run),
          new Example("ChainLinesExample", ChainLinesExample::run));

  private ExampleCatalog() {}
}
