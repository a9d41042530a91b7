package asyncigo.poll.epoll;

import static asyncigo.poll.epoll.LinuxConstants.O_CLOEXEC;
import static asyncigo.poll.epoll.LinuxConstants.O_NONBLOCK;

import asyncigo.api.process.ProcessSpec;
import asyncigo.api.process.ProcessSpec.Redirect;
import asyncigo.poll.epoll.sys.SpawnLibC;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * Starts a child with {@code posix_spawnp}: one {@code pipe2(O_CLOEXEC)} per piped stream, whose
 * child end the file actions copy onto 0, 1 or 2 and whose parent end is made non-blocking; {@code
 * /dev/null} opened for a discarded stream; the working directory changed ({@code addchdir_np});
 * every other descriptor closed in the child ({@code addclosefrom_np(3)}, glibc 2.34+; with an
 * older C library only the close-on-exec descriptors are closed); the child's signal mask emptied
 * and SIGPIPE and SIGXFSZ reset to their default action (as Python's {@code restore_signals}).
 * The parent closes the child ends once the child runs, and everything on failure.
 *
 * <p>The binding is loaded on first use. Thread-safe: it keeps no state but the binding.
 */
final class PosixSpawn {
  // <spawn.h>, <signal.h>, <fcntl.h>
  private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
  private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
  private static final int SIGPIPE = 13;
  private static final int SIGXFSZ = 25;
  private static final int O_RDONLY = 0;
  private static final int O_WRONLY = 1;
  private static final int F_SETFL = 4;

  // Native memory layout: [pid_t | pad | file actions (glibc: 80) | attributes (336) | 2 sigsets].
  private static final int PID = 0;
  private static final int FILE_ACTIONS = 8;
  private static final int ATTRIBUTES = FILE_ACTIONS + 128;
  private static final int MASK = ATTRIBUTES + 512;
  private static final int DEFAULTS = MASK + 128;
  private static final int SIZE = DEFAULTS + 128;

  /** The binding, loaded when the first child is started. */
  private static final class Binding {
    static final SpawnLibC LIBC = LibraryLoader.create(SpawnLibC.class).library("c").load();
    static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
  }

  /** The parent's ends of the pipes (-1 where not piped) and the child's id. */
  record Child(int pid, int stdin, int stdout, int stderr) {}

  private PosixSpawn() {}

  static SpawnLibC libc() {
    return Binding.LIBC;
  }

  static int errno() {
    return LastError.getLastError(Binding.RUNTIME);
  }

  /** Starts {@code spec}'s child; see the class comment. */
  static Child start(Syscalls sys, ProcessSpec spec) throws IOException {
    SpawnLibC libc = libc();
    DirectMemory memory = DirectMemory.allocate(SIZE);
    long fa = memory.address + FILE_ACTIONS;
    long attr = memory.address + ATTRIBUTES;
    List<Integer> childEnds = new ArrayList<>();
    List<Integer> parentEnds = new ArrayList<>();
    check(libc.posix_spawn_file_actions_init(fa), "posix_spawn_file_actions_init");
    try {
      check(libc.posix_spawnattr_init(attr), "posix_spawnattr_init");
      try {
        int stdin = stream(sys, libc, fa, spec.stdin(), 0, childEnds, parentEnds);
        int stdout = stream(sys, libc, fa, spec.stdout(), 1, childEnds, parentEnds);
        int stderr = -1;
        if (spec.stderr() == Redirect.STDOUT) {
          dup(libc, fa, 1, 2);
        } else {
          stderr = stream(sys, libc, fa, spec.stderr(), 2, childEnds, parentEnds);
        }
        if (spec.directory().isPresent()) {
          check(libc.posix_spawn_file_actions_addchdir_np(fa, spec.directory().get().toString()),
              "posix_spawn_file_actions_addchdir_np");
        }
        closeTheRest(libc, fa);
        signals(libc, memory, attr);
        int error =
            libc.posix_spawnp(
                memory.address + PID, spec.command().get(0), fa, attr, argv(spec), envp(spec));
        if (error != 0) {
          throw cannotRun(spec, error);
        }
        parentEnds.clear(); // the child runs: the parent ends belong to the caller now
        return new Child(memory.buffer.getInt(PID), stdin, stdout, stderr);
      } finally {
        libc.posix_spawnattr_destroy(attr);
      }
    } finally {
      libc.posix_spawn_file_actions_destroy(fa);
      for (int fd : childEnds) {
        sys.libc.close(fd);
      }
      for (int fd : parentEnds) {
        sys.libc.close(fd);
      }
    }
  }

  /**
   * Sets up the child's descriptor {@code target} as {@code redirect} says; returns the parent's
   * end of its pipe, or -1.
   */
  private static int stream(
      Syscalls sys, SpawnLibC libc, long fa, Redirect redirect, int target,
      List<Integer> childEnds, List<Integer> parentEnds) throws IOException {
    switch (redirect) {
      case INHERIT -> {
        return -1;
      }
      case DISCARD -> {
        check(libc.posix_spawn_file_actions_addopen(
            fa, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0),
            "posix_spawn_file_actions_addopen");
        return -1;
      }
      case PIPE -> {
        int[] ends = pipe(sys);
        int child = target == 0 ? ends[0] : ends[1];
        int parent = target == 0 ? ends[1] : ends[0];
        childEnds.add(child);
        parentEnds.add(parent);
        if (libc.fcntl(parent, F_SETFL, O_NONBLOCK) < 0) {
          throw ErrnoExceptions.callFailed("fcntl", errno());
        }
        dup(libc, fa, child, target);
        return parent;
      }
      default -> throw new IllegalArgumentException("STDOUT is for stderr only");
    }
  }

  /** Adds {@code dup2(fd, target)} to the file actions. */
  private static void dup(SpawnLibC libc, long fa, int fd, int target) throws IOException {
    check(libc.posix_spawn_file_actions_adddup2(fa, fd, target),
        "posix_spawn_file_actions_adddup2");
  }

  private static int[] pipe(Syscalls sys) throws IOException {
    DirectMemory fds = DirectMemory.allocate(8);
    if (sys.libc.pipe2(fds.address, O_CLOEXEC) < 0) {
      throw ErrnoExceptions.callFailed("pipe2", sys.errno());
    }
    return new int[] {fds.buffer.getInt(0), fds.buffer.getInt(4)};
  }

  /** Closes every descriptor from 3 up in the child, where the C library can (glibc 2.34+). */
  private static void closeTheRest(SpawnLibC libc, long fa) throws IOException {
    int error;
    try {
      error = libc.posix_spawn_file_actions_addclosefrom_np(fa, 3);
    } catch (UnsatisfiedLinkError olderLibrary) {
      return; // the close-on-exec flag then decides, as for ProcessBuilder before JDK 9
    }
    check(error, "posix_spawn_file_actions_addclosefrom_np");
  }

  private static void signals(SpawnLibC libc, DirectMemory memory, long attr) throws IOException {
    long mask = memory.address + MASK;
    long defaults = memory.address + DEFAULTS;
    libc.sigemptyset(mask);
    libc.sigemptyset(defaults);
    libc.sigaddset(defaults, SIGPIPE);
    libc.sigaddset(defaults, SIGXFSZ);
    check(libc.posix_spawnattr_setsigmask(attr, mask), "posix_spawnattr_setsigmask");
    check(libc.posix_spawnattr_setsigdefault(attr, defaults), "posix_spawnattr_setsigdefault");
    check(libc.posix_spawnattr_setflags(attr, (short) (POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)),
        "posix_spawnattr_setflags");
  }

  private static String[] argv(ProcessSpec spec) {
    List<String> command = spec.command();
    String[] argv = command.toArray(new String[command.size() + 1]);
    argv[command.size()] = null;
    return argv;
  }

  private static String[] envp(ProcessSpec spec) {
    Map<String, String> env = spec.environment();
    String[] envp = new String[env.size() + 1];
    int i = 0;
    for (Map.Entry<String, String> variable : env.entrySet()) {
      envp[i++] = variable.getKey() + "=" + variable.getValue();
    }
    return envp;
  }

  /** {@link ProcessBuilder}'s message: {@code Cannot run program "x" (in directory "d"): ...}. */
  private static IOException cannotRun(ProcessSpec spec, int error) {
    return new IOException(
        "Cannot run program \"" + spec.command().get(0) + "\""
            + spec.directory().map(d -> " (in directory \"" + d + "\")").orElse("")
            + ": error=" + error + ", " + ErrnoExceptions.describe(error));
  }

  private static void check(int error, String call) throws IOException {
    if (error != 0) {
      throw ErrnoExceptions.callFailed(call, error);
    }
  }
}
