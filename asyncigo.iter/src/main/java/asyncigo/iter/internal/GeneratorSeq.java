package asyncigo.iter.internal;

import asyncigo.api.UncheckedExecutionException;
import asyncigo.api.iter.AsyncIterator;
import asyncigo.iter.AsyncSeq;
import asyncigo.iter.Generator;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A sequence whose elements a {@link Generator} body yields. Pull-style iteration runs the body
 * in a producer task ({@link GeneratorIterator}); {@link #forEach} runs it right here, in the
 * caller's task, with {@code yield} calling the action directly.
 *
 * @param <T> the element type
 */
public final class GeneratorSeq<T> implements AsyncSeq<T> {
  private final Generator<T> body;

  public GeneratorSeq(Generator<T> body) {
    this.body = body;
  }

  @Override
  public AsyncIterator<T> iterator() {
    return new GeneratorIterator<>(body);
  }

  @Override
  public void forEach(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    try {
      body.generate(action::accept);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new UncheckedExecutionException(e);
    }
  }
}
