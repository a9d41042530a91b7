package asyncigo.loop.core;

import asyncigo.api.Handle;

/**
 * One {@link asyncigo.api.Loop#onSignal} registration: the callback to run on its loop each time
 * the signal comes. {@link #deliver()} is called on the JVM's signal thread and hands the callback
 * to the loop; the loop runs it only if the handle was not cancelled meanwhile. {@link #cancel()}
 * and {@link #isCancelled()} are loop-confined and checked; {@link #when()} is thread-safe.
 */
final class SignalHandle implements Handle {
  private final RealLoop loop;
  private final String signal;
  private final Runnable callback;
  private boolean cancelled; // confined to the loop's thread

  SignalHandle(RealLoop loop, String signal, Runnable callback) {
    this.loop = loop;
    this.signal = signal;
    this.callback = callback;
  }

  RealLoop loop() {
    return loop;
  }

  String signal() {
    return signal;
  }

  /** On the signal thread: queues the callback on the loop; nothing if the loop is closing. */
  void deliver() {
    try {
      loop.callSoonThreadsafe(this::runIfActive);
    } catch (RuntimeException loopClosed) {
      // The loop closed after the signal came; its registrations are being removed.
    }
  }

  private void runIfActive() {
    if (!cancelled) {
      callback.run();
    }
  }

  /** Marks the handle cancelled; for the table, on the loop's thread. */
  void markCancelled() {
    cancelled = true;
  }

  @Override
  public boolean cancel() {
    loop.checkLoopThread("Handle.cancel");
    if (cancelled) {
      return false;
    }
    cancelled = true;
    SignalTable.unregister(this);
    return true;
  }

  @Override
  public boolean isCancelled() {
    loop.checkLoopThread("Handle.isCancelled");
    return cancelled;
  }

  /** {@return {@link Long#MAX_VALUE}: a signal handler is due at no set time} */
  @Override
  public long when() {
    return Long.MAX_VALUE;
  }

  @Override
  public String toString() {
    return "SignalHandle[SIG" + signal + (cancelled ? ", cancelled" : "") + "]";
  }
}
