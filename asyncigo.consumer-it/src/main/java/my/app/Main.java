package my.app;

import asyncigo.api.Loop;
import java.time.Duration;

/** A user's application: runs a loop that sleeps once, then prints which poller it got. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    try (Loop loop = Loop.open()) {
      String poller =
          loop.run(() -> {
            loop.sleep(Duration.ofMillis(1));
            return loop.pollerSelection().chosen();
          });
      System.out.println("poller: " + poller);
    }
  }
}
