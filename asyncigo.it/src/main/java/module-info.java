module asyncigo.it {
  requires asyncigo.api;
}
