package asyncigo.examples.demo;

/**
 * A flag of a command, written {@code --name VALUE} or {@code --name=VALUE}; a switch (a flag
 * without a value) is written {@code --name}.
 *
 * @param name the name without the leading dashes
 * @param value what the value is, for the help text ({@code HOST}, {@code BYTES}); null for a
 *     switch
 * @param defaultValue the value when the flag is absent; null when absence means something else
 *     (said in {@code help})
 * @param help one line that explains the flag
 */
record Flag(String name, String value, String defaultValue, String help) {

  /** A switch: present or absent, with no value. */
  static Flag toggle(String name, String help) {
    return new Flag(name, null, null, help);
  }

  /** Whether the flag is a switch. */
  boolean isSwitch() {
    return value == null;
  }

  /** How the usage line writes it: {@code --name VALUE}, or {@code --name} for a switch. */
  String usage() {
    return "--" + name + (isSwitch() ? "" : " " + value);
  }
}
