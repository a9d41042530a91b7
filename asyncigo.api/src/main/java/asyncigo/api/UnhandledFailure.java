package asyncigo.api;

import java.util.Optional;

/**
 * A failure nobody else could observe, handed to the loop's exception handler: a callback that
 * threw, or a task that failed and whose failure no one retrieved before the loop's run ended.
 * Immutable; thread-safe.
 *
 * @param message what happened, naming the task if there is one, and in {@link LoopOptions#debug()
 *     debug mode} where it was created: {@code "Exception in callback"}, {@code "Task exception
 *     was never retrieved: task fetch"}, {@code "Task exception was never retrieved: task fetch
 *     (created at app.Main.main(Main.java:12))"}
 * @param exception the exception
 * @param task the task involved, if any
 * @since 0.1
 */
public record UnhandledFailure(String message, Throwable exception, Optional<Task<?>> task) {}
