package asyncigo.loop.jfr;

import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * Whether a JDK Flight Recorder recording is running: the loop's event sites read {@link
 * #active()} (one volatile read) and do nothing more while it is false, so the events cost nothing
 * measurable when nobody records. A {@link FlightRecorderListener} keeps the flag current; adding
 * it does not start the recorder. Thread-safe.
 */
public final class FlightRecording {
  private FlightRecording() {}

  private static volatile boolean active;
  private static boolean watching;

  /** Whether some recording is running now. */
  public static boolean active() {
    return active;
  }

  /** Starts following the recorder's recordings; idempotent. Called when a loop opens. */
  public static synchronized void watch() {
    if (watching) {
      return;
    }
    watching = true;
    FlightRecorder.addListener(
        new FlightRecorderListener() {
          @Override
          public void recordingStateChanged(Recording recording) {
            update();
          }
        });
    if (FlightRecorder.isInitialized()) {
      update();
    }
  }

  private static void update() {
    active =
        FlightRecorder.getFlightRecorder().getRecordings().stream()
            .anyMatch(r -> r.getState() == RecordingState.RUNNING);
  }
}
