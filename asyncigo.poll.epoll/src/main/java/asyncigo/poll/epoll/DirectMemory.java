package asyncigo.poll.epoll;

import com.kenai.jffi.MemoryIO;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A native-order direct buffer and its native address, for passing pointers to {@link
 * asyncigo.poll.epoll.sys.LinuxLibC}. The address stays valid while the buffer is reachable, which
 * the owner ensures by keeping this object. Safe to share between threads; what is written into
 * the buffer, and by whom, is the owner's business.
 */
final class DirectMemory {
  final ByteBuffer buffer;
  final long address;

  private DirectMemory(ByteBuffer buffer) {
    this.buffer = buffer;
    this.address = addressOf(buffer);
  }

  /** Allocates {@code bytes} zeroed bytes. */
  static DirectMemory allocate(int bytes) {
    return new DirectMemory(ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder()));
  }

  /** The native address of a direct buffer's element 0 (not of its position). */
  static long addressOf(ByteBuffer direct) {
    return MemoryIO.getInstance().getDirectBufferAddress(direct);
  }
}
