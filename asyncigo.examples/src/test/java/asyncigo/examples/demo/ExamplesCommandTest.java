package asyncigo.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExamplesCommandTest {
  private final CapturedConsole captured = new CapturedConsole();

  private int run(ExampleCatalog.Example... examples) throws UsageException {
    return new ExamplesCommand(List.of(examples))
        .run(Arguments.parse(List.of(), List.of()), captured.console);
  }

  @Test
  void eachExamplesOutputFollowsItsHeadingInOrder() throws Exception {
    int exit =
        run(
            new ExampleCatalog.Example("First", out -> out.println("one")),
            new ExampleCatalog.Example("Second", out -> out.println("two")));

    assertEquals(0, exit);
    assertEquals("== First\none\n== Second\ntwo\n", captured.out());
  }

  @Test
  void aFailingExampleIsReportedTheOthersStillRunAndTheExitCodeIs1() throws Exception {
    int exit =
        run(
            new ExampleCatalog.Example(
                "Broken",
                out -> {
                  throw new IllegalStateException("boom");
                }),
            new ExampleCatalog.Example("Fine", out -> out.println("fine")));

    assertEquals(1, exit);
    assertEquals("== Broken\n== Fine\nfine\n", captured.out());
    assertTrue(captured.err().contains("asyncigo examples: Broken failed:"), captured.err());
    assertTrue(captured.err().contains("IllegalStateException: boom"), captured.err());
    assertTrue(
        captured.err().endsWith("asyncigo examples: 1 of 2 failed: [Broken]\n"), captured.err());
  }

  @Test
  void everyExampleOfTheCatalogRunsWithoutFailing() throws Exception {
    int exit = run(ExampleCatalog.ALL.toArray(ExampleCatalog.Example[]::new));

    assertEquals(0, exit, captured::err);
    for (ExampleCatalog.Example example : ExampleCatalog.ALL) {
      assertTrue(captured.out().contains("== " + example.name() + "\n"), example.name());
    }
  }
}
