/**
 * Async iterators for asyncigo: generators whose bodies may await between yields, lazy
 * combinators over plain and async iterables (the seed's iterator utilities), concurrent merge,
 * {@code dialLines}, and a bridge to {@link java.util.concurrent.Flow}.
 *
 * <pre>{@code
 * AsyncSeq<Integer> lengths = Iter.generate(y -> {
 *   try (AsyncStream stream = Loop.current().connect("localhost", 6172)) {
 *     byte[] line;
 *     while ((line = stream.readLine()) != null) {
 *       y.yield(new String(line, UTF_8).strip().length());
 *     }
 *   }
 * });
 * for (int n : lengths) { ... }              // pull: the body runs in a producer task
 * lengths.filter(n -> n > 10).forEach(...);   // push: the body runs right here
 * }</pre>
 *
 * <p>Start at {@link asyncigo.iter.Iter} and {@link asyncigo.iter.AsyncSeq}.
 */
module asyncigo.iter {
  requires transitive asyncigo.api;

  exports asyncigo.iter;
}
