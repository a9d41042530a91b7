module asyncigo.tck {
  requires asyncigo.api;
}
