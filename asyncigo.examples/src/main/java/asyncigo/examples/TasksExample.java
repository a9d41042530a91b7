package asyncigo.examples;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Task;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The seed README's first example: a subtask and the main task take turns, one second apart.
 *
 * <pre>
 * in main task: 0
 * in subtask: 0
 * in main task: 1
 * in subtask: 1
 * in main task: 2
 * in subtask: 2
 * task result: 42
 * </pre>
 */
public final class TasksExample {
  private TasksExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the example on a real-time loop. */
  public static void run(PrintStream out) {
    run(out, LoopOptions.defaults());
  }

  /** Runs the example on a loop opened with {@code options}. */
  public static void run(PrintStream out, LoopOptions options) {
    // The README quotes from here to the end of the method.
    try (Loop loop = Loop.open(options)) {   // LoopOptions.defaults() in main; virtual time in its test
      int result = loop.run(() -> {
        Task<Integer> task = loop.spawn(() -> {
          for (int i = 0; i < 3; i++) {
            out.println("in subtask: " + i);
            loop.sleep(Duration.ofSeconds(1));
          }
          return 42;
        });
        for (int j = 0; j < 3; j++) {
          out.println("in main task: " + j);
          loop.sleep(Duration.ofSeconds(1));
        }
        return task.await();
      });
      out.println("task result: " + result);
    }
    // in main task: 0 / in subtask: 0 / in main task: 1 / in subtask: 1 /
    // in main task: 2 / in subtask: 2 / task result: 42
  }
}
