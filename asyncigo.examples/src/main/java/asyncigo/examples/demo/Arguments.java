package asyncigo.examples.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flags and operands given to one command, checked against the flags it declares. Values are
 * read through the typed accessors, which reject bad values with a {@link UsageException}.
 */
final class Arguments {
  private final Map<String, String> values;
  private final List<String> operands;
  private final boolean helpAsked;

  private Arguments(Map<String, String> values, List<String> operands, boolean helpAsked) {
    this.values = values;
    this.operands = operands;
    this.helpAsked = helpAsked;
  }

  /**
   * Parses the arguments after the command name. {@code --help} or {@code -h} anywhere asks for
   * help; {@code --} ends the flags.
   *
   * @throws UsageException for an unknown or repeated flag, or a flag without its value
   */
  static Arguments parse(List<Flag> flags, List<String> args) throws UsageException {
    Map<String, String> values = new HashMap<>();
    List<String> operands = new ArrayList<>();
    boolean help = false;
    boolean flagsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (flagsEnded || !arg.startsWith("-") || arg.equals("-")) {
        operands.add(arg);
      } else if (arg.equals("--")) {
        flagsEnded = true;
      } else if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
      } else {
        int equals = arg.indexOf('=');
        int nameStart = arg.startsWith("--") ? 2 : 1;
        String name = arg.substring(nameStart, equals < 0 ? arg.length() : equals);
        Flag flag =
            flags.stream()
                .filter(f -> f.name().equals(name) && arg.startsWith("--"))
                .findFirst()
                .orElseThrow(() -> new UsageException("unknown flag " + arg));
        String value;
        if (flag.isSwitch()) {
          if (equals >= 0) {
            throw new UsageException("--" + name + " takes no value");
          }
          value = "";
        } else if (equals >= 0) {
          value = arg.substring(equals + 1);
        } else if (i + 1 < args.size()) {
          value = args.get(++i);
        } else {
          throw new UsageException("--" + name + " needs a value (" + flag.value() + ")");
        }
        if (values.put(name, value) != null) {
          throw new UsageException("--" + name + " is given twice");
        }
      }
    }
    return new Arguments(values, List.copyOf(operands), help);
  }

  /** Whether {@code --help} was given. */
  boolean helpAsked() {
    return helpAsked;
  }

  /** The arguments that are not flags, in order. */
  List<String> operands() {
    return operands;
  }

  /** Whether the flag (a switch, say) was given. */
  boolean isSet(Flag flag) {
    return values.containsKey(flag.name());
  }

  /** The flag's value, or its default (empty if it has none). */
  Optional<String> string(Flag flag) {
    return Optional.ofNullable(values.getOrDefault(flag.name(), flag.defaultValue()));
  }

  /** The flag's value as an integer from {@code min} to {@code max}. */
  int integer(Flag flag, int min, int max) throws UsageException {
    String text =
        string(flag).orElseThrow(() -> new UsageException("--" + flag.name() + " is required"));
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, with the range
    }
    throw new UsageException(
        "--" + flag.name() + " must be an integer from " + min + " to " + max
            + ", not '" + text + "'");
  }

  /** The flag's value, which must be one of {@code allowed}; empty if absent without default. */
  Optional<String> choice(Flag flag, List<String> allowed) throws UsageException {
    Optional<String> value = string(flag);
    if (value.isPresent() && !allowed.contains(value.get())) {
      throw new UsageException(
          "--" + flag.name() + " must be one of " + String.join(", ", allowed) + ", not '"
              + value.get() + "'");
    }
    return value;
  }
}
