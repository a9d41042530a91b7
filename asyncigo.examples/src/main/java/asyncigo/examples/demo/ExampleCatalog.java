package asyncigo.examples.demo;

import asyncigo.examples.CancelExample;
import asyncigo.examples.ChainLinesExample;
import asyncigo.examples.IteratorExamples;
import asyncigo.examples.PolyglotExample;
import asyncigo.examples.ShieldExample;
import asyncigo.examples.SignalExample;
import asyncigo.examples.SocketLinesExample;
import asyncigo.examples.SpawnManyExample;
import asyncigo.examples.SubprocessExample;
import asyncigo.examples.TasksExample;
import asyncigo.examples.UdpExample;
import asyncigo.examples.UnixSocketExample;
import asyncigo.examples.WaitExample;
import java.io.PrintStream;
import java.util.List;

/**
 * The README examples that {@code asyncigo examples} runs: tasks, iterators, sockets, UDP,
 * cancellation, polyglot, subprocesses, signals.
 */
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

  static final List<Example> ALL =
      List.of(
          new Example("TasksExample", TasksExample::run),
          new Example("WaitExample", WaitExample::run),
          new Example("SpawnManyExample", SpawnManyExample::run),
          new Example("IteratorExamples", IteratorExamples::run),
          new Example("SocketLinesExample", SocketLinesExample::run),
          new Example("ChainLinesExample", ChainLinesExample::run),
          new Example("UdpExample", UdpExample::run),
          new Example("UnixSocketExample", UnixSocketExample::run),
          new Example("CancelExample", CancelExample::run),
          new Example("ShieldExample", ShieldExample::run),
          new Example("PolyglotExample", PolyglotExample::run),
          new Example("SubprocessExample", SubprocessExample::run),
          new Example("SignalExample", SignalExample::run));

  private ExampleCatalog() {}
}
