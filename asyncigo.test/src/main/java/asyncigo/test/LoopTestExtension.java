package asyncigo.test;

import asyncigo.api.Loop;
import asyncigo.api.LoopOptions;
import asyncigo.test.internal.LoopUnderTest;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter extension behind {@link AsyncigoTest}: opens a loop with virtual time before
 * each test, runs the test method as the loop's main task, checks that nothing was left pending
 * or unhandled, and closes the loop. Register it with {@code @AsyncigoTest} (which also takes
 * options) or {@code @ExtendWith(LoopTestExtension.class)}.
 *
 * <p>Thread-safe: JUnit may share one instance between tests; the state of a test lives in its
 * {@link ExtensionContext}.
 *
 * @since 0.1
 */
public final class LoopTestExtension
    implements BeforeEachCallback, AfterEachCallback, InvocationInterceptor, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LoopTestExtension.class);

  /** Creates the extension; JUnit calls this. */
  public LoopTestExtension() {}

  @Override
  public void beforeEach(ExtensionContext context) {
    LoopOptions options = LoopOptions.defaults().virtualTime(true);
    Optional<AsyncigoTest> settings = settings(context);
    if (settings.isPresent()) {
      if (!settings.get().poller().isEmpty()) {
        options = options.poller(settings.get().poller());
      }
      options = options.debug(settings.get().debug());
    }
    context.getStore(NAMESPACE).put(LoopUnderTest.class, LoopUnderTest.open(options));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    LoopUnderTest loop = context.getStore(NAMESPACE).remove(LoopUnderTest.class, LoopUnderTest.class);
    if (loop != null) {
      loop.close();
    }
  }

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    loopOf(extensionContext).run(invocation::proceed, limit(extensionContext));
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    loopOf(extensionContext).run(invocation::proceed, limit(extensionContext));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Loop.class || type == TestClock.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (!(parameter.getDeclaringExecutable() instanceof Method)) {
      throw new ParameterResolutionException(
          "asyncigo injects a Loop or TestClock into test methods only, not into "
              + parameter.getDeclaringExecutable());
    }
    LoopUnderTest loop = loopOf(context);
    return parameter.getParameter().getType() == Loop.class ? loop.loop() : loop.clock();
  }

  private static LoopUnderTest loopOf(ExtensionContext context) {
    LoopUnderTest loop = context.getStore(NAMESPACE).get(LoopUnderTest.class, LoopUnderTest.class);
    if (loop == null) {
      throw new IllegalStateException(
          "no asyncigo test loop for " + context.getDisplayName()
              + ": the loop exists for test methods only");
    }
    return loop;
  }

  /** The real-time limit of a test: {@link AsyncigoTest#timeout()}, 60 s when not annotated. */
  private static Duration limit(ExtensionContext context) {
    return settings(context)
        .map(s -> Duration.of(s.timeout(), s.timeoutUnit().toChronoUnit()))
        .orElse(Duration.ofSeconds(60));
  }

  private static Optional<AsyncigoTest> settings(ExtensionContext context) {
    Optional<AsyncigoTest> onMethod =
        AnnotationSupport.findAnnotation(context.getTestMethod(), AsyncigoTest.class);
    return onMethod.isPresent()
        ? onMethod
        : AnnotationSupport.findAnnotation(context.getTestClass(), AsyncigoTest.class);
  }
}
