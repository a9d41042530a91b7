package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.api.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void tasksInterleaveOnVirtualTime() {
    List<String> out = new ArrayList<>();
    try (Loop loop = Loop.open(LoopOptions.defaults().virtualTime(true))) {
      int r =
          loop.run(
              () -> {
                Task<Integer> task =
                    loop.spawn(
                        () -> {
                          for (int i = 0; i < 3; i++) {
                            out.add("in subtask: " + i);
                            loop.sleep(Duration.ofSeconds(1));
                          }
                          return 42;
                        });
                for (int j = 0; j < 3; j++) {
                  out.add("in main task: " + j);
                  loop.sleep(Duration.ofSeconds(1));
                }
                return task.await();
              });
      out.add("task result: " + r);
      out.add("engine " + ((RealLoop) loop).engine() + " t=" + loop.time());
    }
    System.out.println(out);
    assertEquals("in main task: 0", out.get(0));
    assertEquals("task result: 42", out.get(6));
  }
}
