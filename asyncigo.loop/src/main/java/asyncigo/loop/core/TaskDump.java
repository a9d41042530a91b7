package asyncigo.loop.core;

import asyncigo.api.Task;
import java.util.List;

/** Renders {@code Loop.dumpTasks()}: every live task with its state, await, stack and origin. */
final class TaskDump {
  private TaskDump() {}

  static String of(List<Task<?>> tasks, RealTask<?> running) {
    StringBuilder b = new StringBuilder();
    b.append(tasks.size()).append(tasks.size() == 1 ? " task\n" : " tasks\n");
    for (Task<?> task : tasks) {
      RealTask<?> t = (RealTask<?>) task;
      b.append("Task ").append(t.name()).append(" [").append(stateOf(t, running)).append(']');
      t.awaiting().ifPresent(f -> b.append(" awaiting ").append(f));
      if (t.cancelRequests > 0) {
        b.append(" (cancelling: ").append(t.cancelRequests).append(')');
      }
      b.append('\n');
      for (StackTraceElement e : t.stack()) {
        b.append("    at ").append(e).append('\n');
      }
      List<StackTraceElement> site = t.creationSite();
      if (!site.isEmpty()) {
        b.append("  created at ").append(site.get(0)).append('\n');
        for (int i = 1; i < Math.min(site.size(), 8); i++) {
          b.append("             ").append(site.get(i)).append('\n');
        }
      }
    }
    return b.toString();
  }

  private static String stateOf(RealTask<?> t, RealTask<?> running) {
    if (t == running) {
      return "running";
    }
    if (t.thread == null) {
      return t.cancelRequests > 0 ? "cancelled before start" : "scheduled";
    }
    return t.awaiting == null ? "ready" : "suspended";
  }
}
