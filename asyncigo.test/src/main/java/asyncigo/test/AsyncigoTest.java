package asyncigo.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test method of the annotated class (or the annotated method) as the main task of a
 * fresh loop with virtual time, as kotlinx-coroutines' {@code runTest} and Python's {@code
 * IsolatedAsyncioTestCase} do.
 *
 * <pre>{@code
 * @AsyncigoTest
 * class RetryTest {
 *   @Test
 *   void backsOffForOneSecond(Loop loop, TestClock clock) {
 *     Task<String> call = loop.spawn(() -> { loop.sleep(Duration.ofSeconds(1)); return "ok"; });
 *     clock.advance(Duration.ofMillis(999));
 *     assertFalse(call.isDone());
 *     clock.advance(Duration.ofMillis(1));
 *     assertEquals("ok", call.await());
 *   }
 * }
 * }</pre>
 *
 * <p>Each test method gets its own loop: opened before {@code @BeforeEach} methods run (which run
 * outside it, on the test thread), run for the test method itself ({@code @Test}, {@code
 * @RepeatedTest} and {@code @ParameterizedTest} alike), closed after {@code @AfterEach}. Parameters
 * of type {@link asyncigo.api.Loop} and {@link TestClock} are injected. The test fails, besides
 * its own assertions, when:
 *
 * <ul>
 *   <li>a task is still pending once the body returned and the loop ran everything that was
 *       ready (the message names the tasks and shows their dump); the loop then cancels them;
 *   <li>a failure reached the loop's exception handler: a task's failure nobody retrieved, or a
 *       callback that threw (the first is the cause, the others are suppressed).
 * </ul>
 *
 * <p>Virtual time jumps to the next timer whenever the loop has nothing else to do, so a sleep
 * of an hour takes microseconds; while a task waits for real I/O it moves at the real rate.
 * Equivalent to {@code @ExtendWith(LoopTestExtension.class)} with the defaults.
 *
 * @since 0.1
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(LoopTestExtension.class)
public @interface AsyncigoTest {
  /**
   * {@return the poller to force ({@code "nio"}, {@code "epoll"}); empty for the default choice}
   */
  String poller() default "";

  /** {@return whether the loop runs in debug mode (creation sites in dumps, slow-step warnings)} */
  boolean debug() default false;

  /**
   * {@return the longest a test method may run, in real time, in {@link #timeoutUnit()}; 0 for no
   * limit} At the limit its main task is cancelled and the test fails with a dump of the loop's
   * tasks. JUnit's own {@code @Timeout} cannot stop a test that waits inside the loop (the loop's
   * thread is parked in the poller); use this instead.
   */
  long timeout() default 60;

  /** {@return the unit of {@link #timeout()}} */
  TimeUnit timeoutUnit() default TimeUnit.SECONDS;
}
