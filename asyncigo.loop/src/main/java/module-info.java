module asyncigo.loop {
  requires asyncigo.api;
}
