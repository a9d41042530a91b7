package asyncigo.loop.core;

import java.util.ServiceLoader;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * slf4j-simple with a working MDC (slf4j-simple's own ignores every put): the slf4j provider of
 * this module's tests, chosen with {@code -Dslf4j.provider}. Its MDC keeps a map per thread that
 * new threads inherit (an {@link InheritableThreadLocal}), like the JDK-logging binding's. The
 * tests run inside module asyncigo.loop, which does not read slf4j-simple's module: the logging
 * itself is slf4j-simple's provider, found as a service.
 */
public final class MdcTestLogging implements SLF4JServiceProvider {
  private final MDCAdapter mdc = new BasicMDCAdapter();
  private final SLF4JServiceProvider simple;

  public MdcTestLogging() {
    MdcTestLogging.class.getModule().addUses(SLF4JServiceProvider.class);
    simple =
        ServiceLoader.load(SLF4JServiceProvider.class, MdcTestLogging.class.getClassLoader())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("slf4j-simple is not on the test path"));
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return simple.getLoggerFactory();
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return simple.getMarkerFactory();
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return simple.getRequestedApiVersion();
  }

  @Override
  public void initialize() {
    simple.initialize();
  }
}
