package asyncigo.poll.epoll;

import asyncigo.poll.epoll.sys.LinuxLibC;
import java.util.Locale;
import java.util.Optional;
import jnr.ffi.LibraryLoader;

/**
 * Whether epoll can be used in this process, decided once: the platform, then loading the C
 * library binding and making one real call ({@code epoll_create1} + {@code close}).
 * jnr-ffi's loader never throws (a failed load yields a binding that throws on its first call), so
 * only a real call proves the native stack works.
 *
 * <p>Thread-safe: the first caller of {@link #result()} runs the probe; later callers see its
 * published result. Never throws.
 */
final class NativeProbe {
  /** The outcome: a working binding, or why there is none. Exactly one is present. */
  record Result(Optional<LinuxLibC> libc, Optional<String> unavailabilityCause) {}

  private NativeProbe() {}

  private static volatile Result result;

  /** The probe's outcome, running it on the first call. */
  static Result result() {
    Result r = result;
    if (r == null) {
      synchronized (NativeProbe.class) {
        r = result;
        if (r == null) {
          r = run();
          result = r;
        }
      }
    }
    return r;
  }

  /** The working binding. */
  static LinuxLibC libc() {
    Result r = result();
    return r.libc().orElseThrow(
        () -> new IllegalStateException("epoll is unavailable: " + r.unavailabilityCause().get()));
  }

  private static Result run() {
    String os = System.getProperty("os.name", "");
    if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
      return unavailable("epoll needs Linux; this is " + os);
    }
    String arch = System.getProperty("os.arch", "");
    if (EpollEventLayout.forArchitecture(arch).isEmpty()) {
      return unavailable("unsupported architecture " + arch + " (supported: amd64, aarch64)");
    }
    try {
      LinuxLibC libc = LibraryLoader.create(LinuxLibC.class).library("c").load();
      int epfd = libc.epoll_create1(LinuxConstants.EPOLL_CLOEXEC);
      if (epfd < 0) {
        int errno = jnr.ffi.LastError.getLastError(jnr.ffi.Runtime.getRuntime(libc));
        return unavailable("epoll_create1 failed: " + ErrnoExceptions.describe(errno));
      }
      libc.close(epfd);
      return new Result(Optional.of(libc), Optional.empty());
    } catch (Throwable t) { // LinkageError, IllegalCallerException, ...: report, never throw
      return unavailable(describeLoadFailure(t));
    }
  }

  private static String describeLoadFailure(Throwable failure) {
    Throwable root = failure;
    boolean callerRefused = root instanceof IllegalCallerException;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      callerRefused |= root instanceof IllegalCallerException;
    }
    // jffi reports a refused System.load as "could not load jffi library", dropping the
    // IllegalCallerException; so a failed load in a module without native access is taken as the
    // JDK refusing it.
    Module jffi = com.kenai.jffi.MemoryIO.class.getModule();
    String what = callerRefused || nativeAccessNotEnabled(jffi)
        ? "native access denied (run with --enable-native-access="
            + (jffi.isNamed() ? jffi.getName() : "ALL-UNNAMED") + ")"
        : "native library failed to load";
    String detail = root.getClass().getName() + ": " + root.getMessage();
    return root == failure
        ? what + ": " + detail
        : what + ": " + failure.getClass().getName() + ": " + failure.getMessage()
            + " (caused by " + detail + ")";
  }

  /** {@code !module.isNativeAccessEnabled()} on JDK 22+ (reflectively: we compile for 21). */
  private static boolean nativeAccessNotEnabled(Module module) {
    try {
      return !(Boolean) Module.class.getMethod("isNativeAccessEnabled").invoke(module);
    } catch (ReflectiveOperationException | RuntimeException beforeJdk22) {
      return false; // JDK 21 does not restrict native access
    }
  }

  private static Result unavailable(String cause) {
    return new Result(Optional.empty(), Optional.of(cause));
  }
}
