package asyncigo.poll.epoll;

import java.util.Optional;

/**
 * The layout of {@code struct epoll_event} ({@code uint32_t events; uint64_t data;}). glibc and
 * the kernel declare it packed on x86-64 only (12 bytes, {@code data} unaligned at offset 4); on
 * aarch64 it has natural alignment (16 bytes, {@code data} at offset 8).
 *
 * @param size bytes per event
 * @param dataOffset offset of the 64-bit {@code data} field
 */
record EpollEventLayout(int size, int dataOffset) {
  private static final EpollEventLayout PACKED = new EpollEventLayout(12, 4);
  private static final EpollEventLayout ALIGNED = new EpollEventLayout(16, 8);

  /** The layout for {@code os.arch}, or empty for an architecture this backend does not support. */
  static Optional<EpollEventLayout> forArchitecture(String osArch) {
    return switch (osArch) {
      case "amd64", "x86_64" -> Optional.of(PACKED);
      case "aarch64" -> Optional.of(ALIGNED);
      default -> Optional.empty();
    };
  }

  /** The layout of the running JVM's architecture (which {@link NativeProbe} has checked). */
  static EpollEventLayout current() {
    String arch = System.getProperty("os.arch", "");
    return forArchitecture(arch)
        .orElseThrow(() -> new IllegalStateException("unsupported architecture " + arch));
  }
}
