package asyncigo.bench;

/**
 * The JVM flags every forked benchmark JVM gets: the opening that lets the carrier engine switch
 * on (on the class path the loop lives in the unnamed module), the export that an engine on
 * {@code jdk.internal.vm.Continuation} (and {@link ContinuationFloorBenchmark}) needs, and native
 * access for the jffi stub the epoll poller's availability probe loads.
 */
final class LoopBenchmarkFork {
  private LoopBenchmarkFork() {}

  static final String OPEN_JAVA_LANG = "--add-opens=java.base/java.lang=ALL-UNNAMED";
  static final String EXPORT_CONTINUATION = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED";
  static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
}
