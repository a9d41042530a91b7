module asyncigo.poll.nio {
  requires asyncigo.api;
}
