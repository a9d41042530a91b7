module asyncigo.poll.epoll {
  requires asyncigo.api;
}
