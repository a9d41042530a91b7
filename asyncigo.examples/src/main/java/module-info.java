module asyncigo.examples {
  requires asyncigo.api;
}
