package asyncigo.examples.demo;

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

  // PENDING: add each README example here once its class lands in asyncigo.examples:
  // TasksExample, WaitExample, CancelExample, ShieldExample, PolyglotExample, SpawnManyExample,
  // IteratorExamples, SocketLinesExample, ChainLinesExample.
  static final List<Example> ALL = List.of();

  private ExampleCatalog() {}
}
