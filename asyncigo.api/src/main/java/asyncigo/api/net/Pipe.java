package asyncigo.api.net;

/**
 * A connected in-process pair from {@link asyncigo.api.Loop#pipe()}.
 *
 * @param source the end to read from
 * @param sink the end to write to
 */
public record Pipe(AsyncStream source, AsyncStream sink) {}
