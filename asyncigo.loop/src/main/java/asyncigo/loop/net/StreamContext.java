package asyncigo.loop.net;

import asyncigo.api.Future;
import asyncigo.api.Loop;
import asyncigo.api.Promise;
import asyncigo.loop.io.IoReadiness;
import java.nio.ByteBuffer;

/**
 * What every stream and server of one loop shares: the loop, its readiness service, the set of
 * open streams and servers that closing the loop closes, and two direct buffers
 * that bytes pass through on their way between the kernel and the streams' arrays (the system
 * calls of both backends take direct memory without another copy). A read or write fills its
 * buffer and empties it without awaiting in between, and only one task or callback of a loop runs
 * at a time, so one pair serves all the loop's streams.
 *
 * @param owned the open streams and servers
 * @param readScratch where reads land before they are copied out
 * @param writeScratch where writes are copied before the system call
 * @param tls the ciphertext buffers of TLS streams, allocated when the first one needs them
 * @param written the future every write that the kernel took at once returns: completed, shared
 *     by all the loop's streams
 */
record StreamContext(
    Loop loop,
    IoReadiness io,
    OwnedResources owned,
    ByteBuffer readScratch,
    ByteBuffer writeScratch,
    TlsScratch tls,
    Future<Void> written) {
  /** The size of each scratch buffer: the most one read or write system call moves. */
  static final int SCRATCH_BYTES = 64 * 1024;

  static StreamContext of(Loop loop, IoReadiness io) {
    ByteBuffer read = ByteBuffer.allocateDirect(SCRATCH_BYTES);
    ByteBuffer write = ByteBuffer.allocateDirect(SCRATCH_BYTES);
    Promise<Void> written = loop.newFuture();
    written.complete(null);
    return new StreamContext(
        loop, io, new OwnedResources(), read, write, new TlsScratch(), written);
  }
}
