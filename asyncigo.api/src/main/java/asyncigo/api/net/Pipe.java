package asyncigo.api.net;

/**
 * A connected in-process pair from {@link asyncigo.api.Loop#pipe()}. The record is immutable;
 * each end is an {@link AsyncStream} with its own (loop-confined) contract.
 *
 * @param source the end to read from
 * @param sink the end to write to
 * @since 0.1
 */
public record Pipe(AsyncStream source, AsyncStream sink) {}
