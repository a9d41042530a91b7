package asyncigo.examples.demo;

/**
 * A flag of a command, written {@code --name VALUE} or {@code --name=VALUE}.
 *
 * @param name the name without the leading dashes
 * @param value what the value is, for the help text ({@code HOST}, {@code BYTES})
 * @param defaultValue the value when the flag is absent; null when absence means something else
 *     (said in {@code help})
 * @param help one line that explains the flag
 */
record Flag(String name, String value, String defaultValue, String help) {}
