package asyncigo.loop.jfr;

import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * Whether a JDK Flight Recorder recording is running: the loop's event sites read {@link
 * #active()} (one volatile read) and do nothing more while it is false, so the events cost nothing
 * measurable when nobody records. A {@link FlightRecorderListener} keeps the flag current; adding
 * it does not start the recorder. The periodic {@link TaskTreeEvent} is registered when the
 * recorder initializes (before its first recording starts, which then schedules it): registering
 * it earlier would start the recorder's machinery in every JVM that opens a loop (about 0.2 s).
 * Thread-safe.
 */
public final class FlightRecording {
  private FlightRecording() {}

  private static volatile boolean active;
  private static boolean watching;

  /** Whether some recording is running now. */
  public static boolean active() {
    return active;
  }

  /**
   * Starts following the recorder's recordings; idempotent. Called when a loop opens, with the
   * periodic hook of {@link TaskTreeEvent} (it asks every running loop to commit one).
   */
  public static synchronized void watch(Runnable taskTrees) {
    if (watching) {
      return;
    }
    watching = true;
    FlightRecorder.addListener(
        new FlightRecorderListener() {
          @Override
          public void recorderInitialized(FlightRecorder recorder) {
            FlightRecorder.addPeriodicEvent(TaskTreeEvent.class, taskTrees);
          }

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
