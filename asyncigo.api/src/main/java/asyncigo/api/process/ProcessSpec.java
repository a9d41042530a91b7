package asyncigo.api.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@link asyncigo.api.Loop#exec(ProcessSpec)} starts: the command, its working directory, its
 * environment and where its three standard streams go. An immutable value; each method that
 * changes something returns a copy. Thread-safe.
 *
 * <pre>{@code
 * ProcessSpec spec = ProcessSpec.of("make", "-j2")
 *     .directory(Path.of("/src/project"))
 *     .environment("LC_ALL", "C")
 *     .stderr(ProcessSpec.Redirect.STDOUT);   // one stream for both, in the order written
 * }</pre>
 *
 * <p><b>Defaults</b> (those of {@link ProcessBuilder}): the three streams are pipes, the child
 * runs in the JVM's working directory with the JVM's environment. asyncio's {@code
 * create_subprocess_exec} inherits them by default; ask for {@link Redirect#INHERIT} to do so.
 *
 * <p>The program is looked up in the {@code PATH} of the JVM's environment (not of the changed
 * one) unless it contains a {@code /}, as {@link ProcessBuilder} and {@code posix_spawnp} do.
 *
 * @since 0.1
 */
public final class ProcessSpec {
  /**
   * Where one of the child's standard streams goes.
   *
   * @since 0.1
   */
  public enum Redirect {
    /** A pipe to the loop: {@link Subprocess#stdin()}, {@code stdout()} or {@code stderr()}. */
    PIPE,
    /** The JVM's own stream (asyncio's {@code None}). */
    INHERIT,
    /** {@code /dev/null}: the child reads end of file, or its output is thrown away. */
    DISCARD,
    /**
     * For {@code stderr} only: the same destination as stdout, so that {@code stdout()} carries
     * both in the order they were written (asyncio's {@code subprocess.STDOUT}).
     */
    STDOUT
  }

  private final List<String> command;
  private final Path directory;
  private final boolean inheritEnvironment;
  /** Changes to the environment: a null value removes the variable. */
  private final Map<String, String> changes;
  private final Redirect stdin;
  private final Redirect stdout;
  private final Redirect stderr;

  private ProcessSpec(
      List<String> command,
      Path directory,
      boolean inheritEnvironment,
      Map<String, String> changes,
      Redirect stdin,
      Redirect stdout,
      Redirect stderr) {
    this.command = command;
    this.directory = directory;
    this.inheritEnvironment = inheritEnvironment;
    this.changes = changes;
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * A spec running {@code command}: the program, then its arguments.
   *
   * @param command the program and its arguments
   * @return the spec, with the defaults
   * @throws IllegalArgumentException if the command is empty or an element contains a NUL
   *     character
   * @throws NullPointerException if the command or an element is null
   */
  public static ProcessSpec of(String... command) {
    Objects.requireNonNull(command, "command");
    return of(List.of(command));
  }

  /**
   * A spec running {@code command}: the program, then its arguments.
   *
   * @param command the program and its arguments
   * @return the spec, with the defaults
   * @throws IllegalArgumentException if the command is empty or an element contains a NUL
   *     character
   * @throws NullPointerException if the command or an element is null
   */
  public static ProcessSpec of(List<String> command) {
    List<String> copy = List.copyOf(command);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("the command must name a program: it is empty");
    }
    for (String word : copy) {
      requireNoNul(word, "command element");
    }
    return new ProcessSpec(
        copy, null, true, Map.of(), Redirect.PIPE, Redirect.PIPE, Redirect.PIPE);
  }

  /** {@return the program and its arguments} */
  public List<String> command() {
    return command;
  }

  /**
   * Runs the child in {@code directory}.
   *
   * @param directory the working directory; null for the JVM's
   * @return a copy with the directory
   */
  public ProcessSpec directory(Path directory) {
    return new ProcessSpec(
        command, directory, inheritEnvironment, changes, stdin, stdout, stderr);
  }

  /** {@return the working directory, empty for the JVM's} */
  public Optional<Path> directory() {
    return Optional.ofNullable(directory);
  }

  /**
   * Sets the variable {@code name} to {@code value} in the child's environment; null removes it.
   *
   * @param name the variable's name
   * @param value its value, or null to remove it
   * @return a copy with the change
   * @throws IllegalArgumentException if the name is empty or contains {@code '='} or NUL, or the
   *     value contains NUL
   * @throws NullPointerException if the name is null
   */
  public ProcessSpec environment(String name, String value) {
    Objects.requireNonNull(name, "environment variable name");
    if (name.isEmpty() || name.indexOf('=') >= 0) {
      throw new IllegalArgumentException(
          "an environment variable name must be non-empty without '=': \"" + name + "\"");
    }
    requireNoNul(name, "environment variable name");
    if (value != null) {
      requireNoNul(value, "value of environment variable " + name);
    }
    Map<String, String> copy = new LinkedHashMap<>(changes);
    copy.remove(name);
    copy.put(name, value);
    return new ProcessSpec(
        command, directory, inheritEnvironment, Collections.unmodifiableMap(copy),
        stdin, stdout, stderr);
  }

  /**
   * Starts the child's environment empty instead of from the JVM's; the variables set with
   * {@link #environment(String, String)} (before or after this call) are still set.
   *
   * @return a copy whose environment holds only the variables set on it
   */
  public ProcessSpec clearEnvironment() {
    return new ProcessSpec(command, directory, false, changes, stdin, stdout, stderr);
  }

  /**
   * The child's whole environment: the JVM's (unless {@link #clearEnvironment()} was called) with
   * the changes applied, read from {@link System#getenv()} at each call.
   *
   * @return the variables, sorted by name
   */
  public Map<String, String> environment() {
    Map<String, String> env = new TreeMap<>(inheritEnvironment ? System.getenv() : Map.of());
    changes.forEach(
        (name, value) -> {
          if (value == null) {
            env.remove(name);
          } else {
            env.put(name, value);
          }
        });
    return Collections.unmodifiableMap(env);
  }

  /**
   * Where the child's standard input comes from.
   *
   * @param redirect {@link Redirect#PIPE}, {@link Redirect#INHERIT} or {@link Redirect#DISCARD}
   * @return a copy with the redirect
   * @throws IllegalArgumentException for {@link Redirect#STDOUT}
   * @throws NullPointerException if redirect is null
   */
  public ProcessSpec stdin(Redirect redirect) {
    return new ProcessSpec(
        command, directory, inheritEnvironment, changes, notStdout(redirect, "stdin"),
        stdout, stderr);
  }

  /**
   * Where the child's standard output goes.
   *
   * @param redirect {@link Redirect#PIPE}, {@link Redirect#INHERIT} or {@link Redirect#DISCARD}
   * @return a copy with the redirect
   * @throws IllegalArgumentException for {@link Redirect#STDOUT}
   * @throws NullPointerException if redirect is null
   */
  public ProcessSpec stdout(Redirect redirect) {
    return new ProcessSpec(
        command, directory, inheritEnvironment, changes, stdin, notStdout(redirect, "stdout"),
        stderr);
  }

  /**
   * Where the child's standard error goes; {@link Redirect#STDOUT} merges it into stdout.
   *
   * @param redirect any redirect
   * @return a copy with the redirect
   * @throws NullPointerException if redirect is null
   */
  public ProcessSpec stderr(Redirect redirect) {
    Objects.requireNonNull(redirect, "stderr redirect");
    return new ProcessSpec(
        command, directory, inheritEnvironment, changes, stdin, stdout, redirect);
  }

  /** {@return where standard input comes from} */
  public Redirect stdin() {
    return stdin;
  }

  /** {@return where standard output goes} */
  public Redirect stdout() {
    return stdout;
  }

  /** {@return where standard error goes} */
  public Redirect stderr() {
    return stderr;
  }

  private static Redirect notStdout(Redirect redirect, String stream) {
    Objects.requireNonNull(redirect, stream + " redirect");
    if (redirect == Redirect.STDOUT) {
      throw new IllegalArgumentException(
          "Redirect.STDOUT is for stderr only, not for " + stream);
    }
    return redirect;
  }

  private static void requireNoNul(String text, String what) {
    Objects.requireNonNull(text, what);
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a " + what + " must not contain NUL: \"" + text + "\"");
    }
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    parts.add("command=" + command);
    if (directory != null) {
      parts.add("directory=" + directory);
    }
    if (!inheritEnvironment) {
      parts.add("environment cleared");
    }
    if (!changes.isEmpty()) {
      parts.add("environment changes=" + changes.keySet());
    }
    parts.add("stdin=" + stdin);
    parts.add("stdout=" + stdout);
    parts.add("stderr=" + stderr);
    return "ProcessSpec" + parts;
  }
}
