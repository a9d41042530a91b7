package asyncigo.examples.demo;

import asyncigo.api.UncheckedExecutionException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The {@code asyncigo} command (the jlink image's {@code bin/asyncigo}): the README examples, a
 * TCP echo server and its load generator, and a line reader. Run {@code asyncigo --help}.
 *
 * <p>Exit codes: 0 success, 1 the command failed (the message says why), 2 bad command line.
 */
public final class Demo {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private final List<Command> commands;

  Demo(List<Command> commands) {
    this.commands = List.copyOf(commands);
  }

  /** The demo with its four commands. */
  static Demo standard() {
    return new Demo(
        List.of(
            new ExamplesCommand(ExampleCatalog.ALL),
            new EchoServerCommand(),
            new EchoBenchCommand(),
            new LinesCommand()));
  }

  public static void main(String[] args) {
    Console console =
        new Console(
            new PrintStream(System.out, true, StandardCharsets.UTF_8),
            new PrintStream(System.err, true, StandardCharsets.UTF_8),
            Interrupts.signals());
    System.exit(standard().run(List.of(args), console));
  }

  /** Runs the command line {@code args} and returns the exit code. */
  int run(List<String> args, Console console) {
    if (args.isEmpty()) {
      console.err().print(overview());
      return USAGE;
    }
    String name = args.get(0);
    if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
      console.out().print(overview());
      return OK;
    }
    Optional<Command> command = commands.stream().filter(c -> c.name().equals(name)).findFirst();
    if (command.isEmpty()) {
      return usageError(console, "asyncigo", "unknown command '" + name + "'");
    }
    return run(command.get(), args.subList(1, args.size()), console);
  }

  private static int run(Command command, List<String> args, Console console) {
    String who = "asyncigo " + command.name();
    try {
      Arguments parsed = Arguments.parse(command.flags(), args);
      if (parsed.helpAsked()) {
        console.out().print(help(command));
        return OK;
      }
      if (command.operands().isEmpty() && !parsed.operands().isEmpty()) {
        throw new UsageException("unexpected argument '" + parsed.operands().get(0) + "'");
      }
      return command.run(parsed, console);
    } catch (UsageException e) {
      return usageError(console, who, e.getMessage());
    } catch (Exception e) {
      console.err().println(who + ": " + describe(e));
      return FAILED;
    }
  }

  private static int usageError(Console console, String who, String message) {
    console.err().println(who + ": " + message);
    console.err().println("Run '" + who + " --help' for usage.");
    return USAGE;
  }

  /** The failure as one line, without a stack trace: its type and message. */
  static String describe(Throwable failure) {
    Throwable shown = failure;
    while (shown instanceof UncheckedExecutionException && shown.getCause() != null) {
      shown = shown.getCause();
    }
    return shown.getMessage() == null
        ? shown.toString()
        : shown.getClass().getSimpleName() + ": " + shown.getMessage();
  }

  /** {@code asyncigo --help}. */
  String overview() {
    StringBuilder text =
        new StringBuilder(
            """
            usage: asyncigo <command> [flags]

            The asyncigo demo: asyncio-style event loops on the JVM.

            commands:
            """);
    for (Command command : commands) {
      text.append(String.format("  %-12s %s%n", command.name(), command.summary()));
    }
    text.append(
        """

        Run 'asyncigo <command> --help' for its flags. Every command first prints, on standard
        error, the poller and the engine its loop runs on; -Dasyncigo.poller=nio|epoll in
        JDK_JAVA_OPTIONS forces a poller. Exit codes: 0 success, 1 failure, 2 bad usage.
        """);
    return text.toString();
  }

  /** {@code asyncigo <command> --help}. */
  static String help(Command command) {
    StringBuilder text = new StringBuilder("usage: asyncigo " + command.name());
    for (Flag flag : command.flags()) {
      text.append(" [").append(flag.usage()).append(']');
    }
    if (!command.operands().isEmpty()) {
      text.append(' ').append(command.operands());
    }
    text.append("\n\n").append(command.description()).append('\n');
    if (!command.flags().isEmpty()) {
      text.append("\nflags:\n");
      for (Flag flag : command.flags()) {
        String left = flag.usage();
        String defaults =
            flag.defaultValue() == null ? "" : " (default " + flag.defaultValue() + ")";
        text.append(String.format("  %-22s %s%s%n", left, flag.help(), defaults));
      }
    }
    return text.toString();
  }
}
