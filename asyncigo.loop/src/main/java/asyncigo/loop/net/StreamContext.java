package asyncigo.loop.net;

import asyncigo.api.Loop;
import asyncigo.loop.io.IoReadiness;
import java.nio.ByteBuffer;

/**
 * What every stream of one loop shares: the loop, its readiness service, and one direct buffer
 * that reads land in before they are copied out. A read fills the buffer and empties it without
 * awaiting in between, and only one task of a loop runs at a time, so one buffer serves all the
 * loop's streams.
 */
record StreamContext(Loop loop, IoReadiness io, ByteBuffer readScratch) {
  /** The size of the shared read buffer: the most one read system call returns. */
  static final int READ_SCRATCH_BYTES = 64 * 1024;

  static StreamContext of(Loop loop, IoReadiness io) {
    return new StreamContext(loop, io, ByteBuffer.allocateDirect(READ_SCRATCH_BYTES));
  }
}
