/** Async iterators, generators and lazy iterator combinators. */
module asyncigo.iter {
  requires transitive asyncigo.api;

  exports asyncigo.iter;
}
