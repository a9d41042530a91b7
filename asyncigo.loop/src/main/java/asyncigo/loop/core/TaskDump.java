package asyncigo.loop.core;

import asyncigo.api.Task;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code Loop.dumpTasks()}: every live task with its state, await, stack and origin, then
 * the task tree: who spawned whom, and what each task awaits (asyncio 3.14's {@code pstree}).
 */
final class TaskDump {
  private TaskDump() {}

  static String of(List<Task<?>> tasks, RealTask<?> running) {
    StringBuilder b = new StringBuilder();
    b.append(tasks.size()).append(tasks.size() == 1 ? " task\n" : " tasks\n");
    for (Task<?> task : tasks) {
      RealTask<?> t = (RealTask<?>) task;
      b.append("Task ").append(t.name()).append(" [").append(stateOf(t, running)).append(']');
      t.awaiting().ifPresent(f -> b.append(" awaiting ").append(f));
      if (t.sleepingIn != null) {
        b.append(" sleeping");
      }
      if (t.cancelRequests() > 0) {
        b.append(" (cancelling: ").append(t.cancelRequests()).append(')');
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
    if (!tasks.isEmpty()) {
      b.append("Task tree (spawned by the task above; awaits: the task or future it waits for):\n");
      appendTree(b, tasks, running);
    }
    return b.toString();
  }

  /**
   * One line per live task under the live task that spawned it, in spawn order; a task spawned by
   * a callback, a main task, or one whose spawner is done starts a tree of its own.
   */
  private static void appendTree(StringBuilder b, List<Task<?>> tasks, RealTask<?> running) {
    Map<RealTask<?>, List<RealTask<?>>> children = new IdentityHashMap<>();
    List<RealTask<?>> roots = new ArrayList<>();
    for (Task<?> task : tasks) {
      RealTask<?> t = (RealTask<?>) task;
      RealTask<?> parent = t.spawner;
      if (parent == null || parent.isDone()) {
        roots.add(t);
      } else {
        children.computeIfAbsent(parent, p -> new ArrayList<>()).add(t);
      }
    }
    for (int i = 0; i < roots.size(); i++) {
      appendNode(b, roots.get(i), "", i == roots.size() - 1, children, running);
    }
  }

  private static void appendNode(
      StringBuilder b,
      RealTask<?> t,
      String indent,
      boolean last,
      Map<RealTask<?>, List<RealTask<?>>> children,
      RealTask<?> running) {
    b.append(indent).append(last ? "└── " : "├── ");
    b.append(t.name()).append(" [").append(stateOf(t, running)).append(']');
    LoopFuture<?> awaited = t.awaiting;
    if (awaited instanceof RealTask<?> other) {
      b.append(" awaits task ").append(other.name());
    } else if (awaited != null) {
      b.append(" awaits ").append(awaited);
    } else if (t.sleepingIn != null) {
      b.append(" sleeps");
    }
    RealTask<?> spawner = t.spawner;
    if (spawner != null && spawner.isDone()) {
      b.append(" (spawned by ").append(spawner.name()).append(", done)");
    }
    b.append('\n');
    List<RealTask<?>> mine = children.getOrDefault(t, List.of());
    String deeper = indent + (last ? "    " : "│   ");
    for (int i = 0; i < mine.size(); i++) {
      appendNode(b, mine.get(i), deeper, i == mine.size() - 1, children, running);
    }
  }

  private static String stateOf(RealTask<?> t, RealTask<?> running) {
    if (t == running) {
      return "running";
    }
    if (t.strand == null) {
      return t.cancelRequests() > 0 ? "cancelled before start" : "scheduled";
    }
    return t.awaiting == null && t.sleepingIn == null ? "ready" : "suspended";
  }

  /** The frames of a task's strand without those of the JDK's parking and of this engine. */
  static List<StackTraceElement> trim(StackTraceElement[] frames) {
    int from = 0;
    int to = frames.length;
    while (from < to && isMachinery(frames[from])) {
      from++;
    }
    while (to > from && isMachinery(frames[to - 1])) {
      to--;
    }
    return List.of(frames).subList(from, to);
  }

  /** Frames of the JDK's parking and of this engine, which say nothing about the task's code. */
  private static boolean isMachinery(StackTraceElement e) {
    String c = e.getClassName();
    return c.equals("java.lang.Thread")
        || c.equals("java.lang.VirtualThread")
        || c.equals("java.lang.System$1")
        || c.equals("java.util.concurrent.locks.LockSupport")
        || c.startsWith(Scheduler.class.getName())
        || c.startsWith(ThreadEngine.class.getName())
        || c.startsWith(ContinuationEngine.class.getName())
        || c.equals("jdk.internal.vm.Continuation")
        || c.equals(RealFuture.class.getName())
        || c.equals(Completion.class.getName())
        || c.equals(RealTask.class.getName())
        || c.equals(RealLoop.class.getName())
        || c.equals(TaskDump.class.getName());
  }
}
