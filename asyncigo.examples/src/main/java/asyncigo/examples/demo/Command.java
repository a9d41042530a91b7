package asyncigo.examples.demo;

import java.util.List;

/** One subcommand of {@code asyncigo}: its help and what it does. */
interface Command {
  /** The word that selects it: {@code echo-server}. */
  String name();

  /** One line for the list of commands. */
  String summary();

  /** The operands after the flags, for the usage line ({@code HOST:PORT...}); empty for none. */
  default String operands() {
    return "";
  }

  /** What the command does, in a few lines, for {@code asyncigo <command> --help}. */
  String description();

  /** The flags it accepts. */
  List<Flag> flags();

  /**
   * Runs the command and returns the process exit code (0 on success).
   *
   * @throws UsageException for bad flag values or operands
   * @throws Exception anything else that went wrong; reported with exit code 1
   */
  int run(Arguments args, Console console) throws Exception;
}
