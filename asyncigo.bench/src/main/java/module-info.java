module asyncigo.bench {
  requires asyncigo.api;
}
