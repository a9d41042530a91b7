package asyncigo.loop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import asyncigo.api.EngineSelection;
import asyncigo.api.Loop;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The suite runs once per engine, forced with -Dasyncigo.engine; auto is checked directly. */
class EngineSelectionTest {
  private static final String ENGINE = System.getProperty("asyncigo.engine");

  @Test
  void aLoopSaysWhichEngineItRunsOnAndWhyFromAnyThread() throws Exception {
    try (Loop loop = Loop.open()) {
      EngineSelection fromAnotherThread = CompletableFuture.supplyAsync(loop::engine).get();
      assertEquals(
          new EngineSelection(ENGINE, "forced by -Dasyncigo.engine=" + ENGINE), fromAnotherThread);
      assertEquals(fromAnotherThread, loop.engine());
    }
  }

  @Test
  void autoTakesTheFastestEngineTheJvmAllowsAndOtherwiseNamesTheFlags() {
    EngineSelection auto = EngineChoice.create("auto").selection();
    String continuationFlag =
        "--add-exports java.base/jdk.internal.vm=asyncigo.loop (ALL-UNNAMED on the class path)";
    EngineSelection expected =
        switch (ENGINE) {
          case "continuation" -> // this run exports jdk.internal.vm to the loop
              new EngineSelection("continuation", "the fastest engine this JVM allows");
          case "carrier" -> // this run opens java.lang to the loop
              new EngineSelection(
                  "carrier",
                  "the fastest engine this JVM allows; the continuation engine needs "
                      + continuationFlag);
          default ->
              new EngineSelection(
                  "virtual",
                  "the faster engines need "
                      + continuationFlag
                      + " (continuation) or --add-opens java.base/java.lang=asyncigo.loop"
                      + " (ALL-UNNAMED on the class path) (carrier)");
        };
    assertEquals(expected, auto);
  }

  @Test
  void forcingAnEngineTheJvmDoesNotAllowNamesTheFlagItNeeds() {
    if (!ENGINE.equals("continuation")) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> EngineChoice.create("continuation"));
      assertEquals(
          "-Dasyncigo.engine=continuation needs --add-exports"
              + " java.base/jdk.internal.vm=asyncigo.loop (ALL-UNNAMED on the class path)",
          e.getMessage());
    }
  }

  @Test
  void anUnknownEngineNameIsRejectedWithTheChoices() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EngineChoice.create("turbo"));
    assertEquals(
        "unknown -Dasyncigo.engine=turbo; use auto, virtual, carrier or continuation",
        e.getMessage());
  }
}
