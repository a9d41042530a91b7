package asyncigo.examples.demo;

/** The command line is wrong: an unknown command or flag, a missing or bad value. Exit code 2. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
