package asyncigo.poll.epoll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncigo.poll.epoll.probe.PrintEpollAvailability;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Discovery in a child JVM whose native stack is broken: the provider reports a cause and never
 * throws. The child gets this JVM's module path and class path; without the jffi stub, everything
 * goes on the class path (on the module path, org.jnrproject.jffi requires the stub's module, so
 * the JVM would not start without it).
 */
class NativeProbeFailureTest {
  @Test
  void whenNativeAccessIsDeniedTheProviderSaysSoAndNamesTheFlag() throws Exception {
    String out = runChild(List.of("--illegal-native-access=deny"), false);
    assertTrue(out.startsWith("unavailable: native access denied"), out);
    assertTrue(out.contains("--enable-native-access=org.jnrproject.jffi"), out);
  }

  @Test
  void whenTheJffiStubIsMissingFromTheClassPathTheProviderSaysTheNativeLibraryFailedToLoad()
      throws Exception {
    String out = runChild(List.of("--enable-native-access=ALL-UNNAMED"), true);
    assertTrue(out.startsWith("unavailable: native library failed to load"), out);
  }

  @Test
  void withAWorkingNativeStackTheChildSeesEpollAvailable() throws Exception {
    String out = runChild(List.of("--enable-native-access=org.jnrproject.jffi"), false);
    assertEquals("available", out);
  }

  /** Runs {@link PrintEpollAvailability}; returns its output (stdout and stderr), trimmed. */
  private static String runChild(List<String> jvmOptions, boolean withoutJffiStub)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(jvmOptions);
    String modulePath = System.getProperty("jdk.module.path", "");
    String classPath = System.getProperty("java.class.path", "");
    if (withoutJffiStub) {
      command.add("--class-path");
      command.add(withoutStub(modulePath + File.pathSeparator + classPath));
    } else {
      command.add("--module-path");
      command.add(modulePath);
      command.add("--add-modules");
      command.add("asyncigo.poll.epoll");
      command.add("--class-path");
      command.add(classPath);
    }
    command.add(PrintEpollAvailability.class.getName());
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child ended");
    assertEquals(0, child.exitValue(), "the child exits normally; it printed: " + out);
    return out;
  }

  private static String withoutStub(String path) {
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .filter(entry -> !entry.endsWith("-native.jar"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
