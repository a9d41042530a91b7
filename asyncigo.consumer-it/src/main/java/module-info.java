module my.app {
  requires asyncigo.api;   // and asyncigo.iter for the iterator combinators
}
