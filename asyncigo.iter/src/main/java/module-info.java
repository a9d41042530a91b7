module asyncigo.iter {
  requires asyncigo.api;
}
