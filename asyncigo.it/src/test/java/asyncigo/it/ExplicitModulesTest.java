package asyncigo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
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
