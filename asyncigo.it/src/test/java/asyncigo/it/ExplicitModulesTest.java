package asyncigo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** These tests run on the module path, where every asyncigo module is an explicit module. */
class ExplicitModulesTest {
  private static final List<String> ASYNCIGO_MODULES =
      List.of("asyncigo.api", "asyncigo.loop", "asyncigo.poll.nio", "asyncigo.poll.epoll");

  @Test
  void theTestsThemselvesRunInTheNamedModuleAsyncigoIt() {
    assertEquals("asyncigo.it", getClass().getModule().getName());
  }

  @Test
  void everyAsyncigoModuleIsInTheBootLayerAsAnExplicitModule() {
    for (String name : ASYNCIGO_MODULES) {
      Module module =
          ModuleLayer.boot()
              .findModule(name)
              .orElseThrow(() -> new AssertionError(name + " is not in the boot layer"));
      assertFalse(module.getDescriptor().isAutomatic(), name + " is an automatic module");
      assertFalse(module.getDescriptor().isOpen(), name + " is an open module");
    }
  }

  @Test
  void everyAsyncigoModuleInTheBootLayerIsOneOfTheExpectedOnes() {
    Set<String> found =
        ModuleLayer.boot().modules().stream()
            .map(Module::getName)
            .filter(name -> name.startsWith("asyncigo."))
            .collect(Collectors.toSet());

    Set<String> expected = new HashSet<>(ASYNCIGO_MODULES);
    expected.add("asyncigo.it");
    assertEquals(expected, found);
  }

  @Test
  void everyAsyncigoJarOnTheRuntimeModulePathHasAModuleDescriptor() {
    List<ModuleDescriptor> asyncigo =
        ModuleFinder.of(ChildJvm.modulePath().toArray(Path[]::new)).findAll().stream()
            .map(ModuleReference::descriptor)
            .filter(d -> d.name().startsWith("asyncigo."))
            .toList();

    Set<String> expected = new HashSet<>(ASYNCIGO_MODULES);
    expected.add("asyncigo.it");
    assertEquals(expected, names(asyncigo));
    for (ModuleDescriptor descriptor : asyncigo) {
      assertFalse(descriptor.isAutomatic(), descriptor.name() + " is an automatic module");
    }
  }

  @Test
  void everyJarOnTheRuntimeModulePathIsAnExplicitModuleSoJlinkAcceptsIt() {
    // jlink refuses automatic modules: the JNR jars must come from asyncigo.jnr, with
    // descriptors, never as the original com.github.jnr jars.
    List<String> automatic =
        ModuleFinder.of(ChildJvm.modulePath().toArray(Path[]::new)).findAll().stream()
            .map(ModuleReference::descriptor)
            .filter(ModuleDescriptor::isAutomatic)
            .map(ModuleDescriptor::name)
            .sorted()
            .toList();

    assertEquals(List.of(), automatic);
  }

  @Test
  void noAsyncigoJarIsOnTheClassPathOfTheTestJvm() {
    // Surefire puts the test framework on the class path; every asyncigo module must be on the
    // module path (an asyncigo jar that nothing requires would land on the class path).
    Path[] jars =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> entry.endsWith(".jar"))
            .map(Path::of)
            .toArray(Path[]::new);

    List<ModuleDescriptor> onClassPath =
        ModuleFinder.of(jars).findAll().stream().map(ModuleReference::descriptor).toList();

    assertFalse(onClassPath.isEmpty(), "junit, at least, is on the class path");
    assertTrue(
        names(onClassPath).stream().noneMatch(name -> name.startsWith("asyncigo.")),
        () -> "on the class path: " + names(onClassPath));
  }

  private static Set<String> names(List<ModuleDescriptor> descriptors) {
    return descriptors.stream().map(ModuleDescriptor::name).collect(Collectors.toSet());
  }

  @Test
  void asyncigoItRequiresTheApiAndNoImplementationModule() {
    Set<String> required =
        getClass().getModule().getDescriptor().requires().stream()
            .filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.MANDATED))
            .map(ModuleDescriptor.Requires::name)
            .collect(Collectors.toSet());

    assertEquals(Set.of("asyncigo.api"), required);
  }

  @Test
  void theImplementationModulesProvideTheirServicesInTheirDescriptors() {
    assertTrue(provides("asyncigo.loop", "asyncigo.api.spi.LoopProvider"));
    assertTrue(provides("asyncigo.poll.nio", "asyncigo.api.spi.PollerProvider"));
    assertTrue(provides("asyncigo.poll.epoll", "asyncigo.api.spi.PollerProvider"));
  }

  private static boolean provides(String module, String service) {
    return ModuleLayer.boot().findModule(module).orElseThrow().getDescriptor().provides().stream()
        .anyMatch(p -> p.service().equals(service));
  }
}
