package asyncigo.loop.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM-wide table of {@link asyncigo.api.Loop#onSignal} registrations, through {@code
 * sun.misc.Signal} (module {@code jdk.unsupported}): it works the same under every poller and
 * needs no native code.
 *
 * <p>Per signal, the first registration (of any loop) installs one {@link Installed} handler and
 * keeps the handler it replaced; the last one to leave (cancelled, or its loop closed) puts that
 * handler back, so the JVM's own (INT, TERM and HUP run the shutdown hooks) works again. The JVM
 * calls the handler on a thread of its own; the handler hands each registration's callback to
 * its loop ({@link SignalHandle#deliver()}) in registration order, so a loop runs its callbacks
 * for one signal in the order they were registered. All state is guarded by the class's lock.
 *
 * <p>The {@code sun.misc} names are written out in full: the javadoc tool warns on their import.
 */
final class SignalTable {
  private static final Map<String, Installed> INSTALLED = new HashMap<>();

  private SignalTable() {}

  /** Installed for one signal while at least one registration exists. */
  private static final class Installed implements sun.misc.SignalHandler {
    private final sun.misc.Signal signal;
    private final List<SignalHandle> handles = new ArrayList<>();
    private sun.misc.SignalHandler previous;

    Installed(sun.misc.Signal signal) {
      this.signal = signal;
    }

    @Override
    public void handle(sun.misc.Signal received) {
      List<SignalHandle> now;
      synchronized (SignalTable.class) {
        now = List.copyOf(handles);
      }
      now.forEach(SignalHandle::deliver);
    }
  }

  /**
   * Registers {@code callback} of {@code loop} for signal {@code name}; on the loop's thread.
   *
   * @throws IllegalArgumentException if the signal cannot be handled (nothing changed then)
   */
  static SignalHandle register(RealLoop loop, String name, Runnable callback) {
    String signal = SignalName.parse(name);
    synchronized (SignalTable.class) {
      Installed installed = INSTALLED.get(signal);
      if (installed == null) {
        installed = install(name, signal);
        INSTALLED.put(signal, installed);
      }
      SignalHandle handle = new SignalHandle(loop, signal, callback);
      installed.handles.add(handle);
      return handle;
    }
  }

  private static Installed install(String name, String signal) {
    try {
      Installed installed = new Installed(new sun.misc.Signal(signal));
      installed.previous = sun.misc.Signal.handle(installed.signal, installed);
      return installed;
    } catch (IllegalArgumentException refused) {
      // Unknown to this OS, or refused by the JVM (INT, TERM and HUP under -Xrs).
      throw new IllegalArgumentException(
          "Loop.onSignal: signal " + name + " cannot be handled here: " + refused.getMessage(),
          refused);
    }
  }

  /** Removes {@code handle}; puts the previous handler back if it was the signal's last. */
  static void unregister(SignalHandle handle) {
    synchronized (SignalTable.class) {
      Installed installed = INSTALLED.get(handle.signal());
      if (installed != null && installed.handles.remove(handle)) {
        restoreIfUnused(installed);
      }
    }
  }

  /** Removes every registration of {@code loop}, which is closing; on its thread. */
  static void unregisterAll(RealLoop loop) {
    synchronized (SignalTable.class) {
      for (Installed installed : List.copyOf(INSTALLED.values())) {
        installed.handles.removeIf(
            handle -> {
              if (handle.loop() != loop) {
                return false;
              }
              handle.markCancelled();
              return true;
            });
        restoreIfUnused(installed);
      }
    }
  }

  private static void restoreIfUnused(Installed installed) {
    if (installed.handles.isEmpty()) {
      sun.misc.Signal.handle(installed.signal, installed.previous);
      INSTALLED.remove(installed.signal.getName());
    }
  }
}
