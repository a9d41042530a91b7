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
  void autoTakesTheCarrierEngineWhenJavaLangIsOpenAndOtherwiseNamesTheFlag() {
    EngineSelection auto = Strands.create("auto").selection();
    if (ENGINE.equals("carrier")) { // this run opens java.lang to the loop
      assertEquals(new EngineSelection("carrier", "the fastest engine this JVM allows"), auto);
    } else {
      assertEquals(
          new EngineSelection(
              "virtual",
              "the faster carrier engine needs --add-opens java.base/java.lang=asyncigo.loop"
                  + " (ALL-UNNAMED on the class path)"),
          auto);
    }
  }

  @Test
  void anUnknownEngineNameIsRejectedWithTheChoices() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Strands.create("turbo"));
    assertEquals("unknown -Dasyncigo.engine=turbo; use auto, virtual or carrier", e.getMessage());
  }
}
