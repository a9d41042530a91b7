package asyncigo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Swapping backends without code changes, in child JVMs that run {@link PollerReport} on a module
 * path and no class path: a system property forces a poller; taking the epoll module off the
 * module path falls back to NIO.
 */
class BackendSwapTest {
  /** jffi loads its JNI stub; only valid when the JNR modules are in the module graph. */
  private static final String NATIVE_ACCESS = "--enable-native-access=org.jnrproject.jffi";

  private static final boolean LINUX = System.getProperty("os.name").startsWith("Linux");

  private static final List<Path> WITHOUT_EPOLL =
      ChildJvm.without(ChildJvm.modulePath(), "asyncigo.poll.epoll");

  @Test
  void onTheModulePathAloneTheChildHasAnEmptyClassPathAndPicksTheBestPoller() throws Exception {
    ChildJvm.Result result = ChildJvm.pollerReport(ChildJvm.modulePath(), NATIVE_ACCESS);

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("", result.value("class.path"));
    assertEquals(LINUX ? "epoll" : "nio", result.value("chosen"), result::toString);
    assertEquals("", result.stderr(), "no warning expected");
  }

  @Test
  void theSystemPropertyForcesTheNioPoller() throws Exception {
    ChildJvm.Result result =
        ChildJvm.pollerReport(ChildJvm.modulePath(), NATIVE_ACCESS, "-Dasyncigo.poller=nio");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("nio", result.value("chosen"));
    assertEquals("forced by -Dasyncigo.poller", result.value("reason"));
    assertEquals("{epoll=not the forced poller}", result.value("skipped"));
  }

  @Test
  void takingTheEpollModuleOffTheModulePathFallsBackToNio() throws Exception {
    ChildJvm.Result result = ChildJvm.pollerReport(WITHOUT_EPOLL);

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("nio", result.value("chosen"));
    assertEquals("highest priority among the available pollers", result.value("reason"));
    assertEquals("{}", result.value("skipped"), "epoll must not even be found");
    assertEquals("", result.value("class.path"));
  }

  @Test
  void forcingEpollWithTheEpollModuleOffTheModulePathFailsWithAClearMessage() throws Exception {
    ChildJvm.Result result = ChildJvm.pollerReport(WITHOUT_EPOLL, "-Dasyncigo.poller=epoll");

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals("", result.stdout());
    assertEquals(
        "error=poller 'epoll' was asked for but not found; found: [nio]",
        result.stderr().strip());
  }

  @Test
  void withoutAnyPollerModuleOpeningALoopSaysWhichArtifactsToAddToEitherPath() throws Exception {
    ChildJvm.Result result =
        ChildJvm.pollerReport(ChildJvm.without(WITHOUT_EPOLL, "asyncigo.poll.nio"));

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(
        "error=no asyncigo poller found: put io.asyncigo:asyncigo.poll.nio (any platform) or"
            + " io.asyncigo:asyncigo.poll.epoll (Linux) on the module path or class path",
        result.stderr().strip());
  }

  @Test
  void withOnlyAnUnavailablePollerOpeningALoopGivesItsCauseAndTheArtifactThatWorksEverywhere()
      throws Exception {
    ChildJvm.Result result =
        ChildJvm.pollerReport(
            ChildJvm.without(ChildJvm.modulePath(), "asyncigo.poll.nio"),
            NATIVE_ACCESS,
            "-Dasyncigo.epoll.disable=true");

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(
        "error=no available asyncigo poller: epoll is unavailable (disabled by"
            + " -Dasyncigo.epoll.disable); put io.asyncigo:asyncigo.poll.nio (any platform) on the"
            + " module path or class path",
        result.stderr().strip());
  }

  @Test
  void forcingAPollerThatNoModuleProvidesFailsNamingTheOnesFound() throws Exception {
    ChildJvm.Result result =
        ChildJvm.pollerReport(ChildJvm.modulePath(), NATIVE_ACCESS, "-Dasyncigo.poller=kqueue");

    assertEquals(1, result.exitCode(), result::toString);
    String message = result.stderr().strip();
    assertTrue(
        message.startsWith("error=poller 'kqueue' was asked for but not found; found: ["), message);
    assertTrue(message.contains("epoll") && message.contains("nio"), message);
  }

  @Test
  void withoutTheLoopModuleOpeningALoopFailsNamingTheModulesAndTheArtifactToAdd() throws Exception {
    ChildJvm.Result result =
        ChildJvm.pollerReport(ChildJvm.without(ChildJvm.modulePath(), "asyncigo.loop"));

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals("", result.stdout());
    assertEquals(
        "error=no asyncigo loop implementation found: put the modules asyncigo.loop and"
            + " asyncigo.poll.nio (or asyncigo.poll.epoll) on the module path or class path"
            + " (Maven: the runtime dependency io.asyncigo:asyncigo brings all three); in a jlink"
            + " image, link them with --add-modules asyncigo or --bind-services",
        result.stderr().strip());
  }
}
