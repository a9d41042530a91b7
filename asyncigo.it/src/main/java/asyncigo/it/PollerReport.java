package asyncigo.it;

import asyncigo.api.Loop;
import asyncigo.api.PollerSelection;

/**
 * Opens a loop and prints which poller it chose, why, what it skipped, and the class path, one
 * {@code key=value} line each. When no loop can be opened (say, a forced poller is missing), it
 * prints {@code error=<the cause>} to standard error and exits with status 1.
 */
public final class PollerReport {
  private PollerReport() {}

  public static void main(String[] args) {
    PollerSelection selection;
    try (Loop loop = Loop.open()) {
      selection = loop.pollerSelection();
    } catch (IllegalStateException e) {
      System.err.println("error=" + e.getMessage());
      System.exit(1);
      return;
    }
    System.out.println("chosen=" + selection.chosen());
    System.out.println("reason=" + selection.reason());
    System.out.println("skipped=" + selection.skipped());
    System.out.println("class.path=" + System.getProperty("java.class.path"));
  }
}
