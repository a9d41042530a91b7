package asyncigo.examples.demo;

import asyncigo.api.Loop;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code asyncigo examples}: runs every README example, each under a heading line, and reports
 * the ones that failed. Each example opens its own loop with the default options; the banner
 * shows what those options choose here.
 */
final class ExamplesCommand implements Command {
  private final List<ExampleCatalog.Example> examples;

  ExamplesCommand(List<ExampleCatalog.Example> examples) {
    this.examples = List.copyOf(examples);
  }

  @Override
  public String name() {
    return "examples";
  }

  @Override
  public String summary() {
    return "run every README example and print its output";
  }

  @Override
  public String description() {
    return """
        Runs each example of the README in turn and prints its output under a heading line
        "== <Example>". An example that fails is reported on standard error, the others
        still run, and the exit code is 1. Each example opens its own loop with the default
        options (-Dasyncigo.poller=nio|epoll in JDK_JAVA_OPTIONS forces a poller).""";
  }

  @Override
  public List<Flag> flags() {
    return List.of();
  }

  @Override
  public int run(Arguments args, Console console) {
    try (Loop loop = Loop.open()) {
      console.err().println(LoopBanner.of(loop));
    }
    PrintStream out = console.out();
    List<String> failed = new ArrayList<>();
    for (ExampleCatalog.Example example : examples) {
      out.println("== " + example.name());
      try {
        example.body().run(out);
      } catch (Exception | AssertionError e) {
        out.flush();
        console.err().println("asyncigo examples: " + example.name() + " failed:");
        e.printStackTrace(console.err());
        failed.add(example.name());
      }
      out.flush();
    }
    if (!failed.isEmpty()) {
      console.err().println(
          "asyncigo examples: " + failed.size() + " of " + examples.size() + " failed: " + failed);
      return 1;
    }
    return 0;
  }
}
