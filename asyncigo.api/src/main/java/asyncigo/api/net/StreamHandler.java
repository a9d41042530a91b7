package asyncigo.api.net;

/** Handles one accepted connection, in its own task; the stream is closed when it returns. */
@FunctionalInterface
public interface StreamHandler {
  /** Serves {@code stream}; an exception goes to the loop's exception handler. */
  void handle(AsyncStream stream) throws Exception;
}
