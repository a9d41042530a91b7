// Neutral UDP echo load generator, modelled on /work/shared/bench/echo_load.c: N connected UDP
// sockets, each with one datagram of MSG bytes in flight (send, wait for the echo, send again),
// for SECONDS. A datagram whose echo has not come back within 200 ms counts as lost and is sent
// again. Prints round trips/s and MB/s in echo_load's format, then lost= and errors=.
// build: gcc -O2 -o udp_echo_load udp_echo_load.c
// usage: udp_echo_load HOST PORT SOCKETS MSG SECONDS
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

typedef struct { int fd; long trips; double sent_at; } sock_t;

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }

int main(int argc, char **argv) {
  if (argc < 6) { fprintf(stderr, "usage: %s HOST PORT SOCKETS MSG SECONDS\n", argv[0]); return 2; }
  const char *host = argv[1]; int port = atoi(argv[2]), n = atoi(argv[3]); size_t msg = atol(argv[4]); double secs = atof(argv[5]);
  if (msg > 65507) { fprintf(stderr, "MSG must be at most 65507 bytes\n"); return 2; }
  char *out = malloc(msg ? msg : 1), *in = malloc(65536);
  memset(out, 'x', msg);
  int ep = epoll_create1(0);
  sock_t *s = calloc(n, sizeof *s);
  struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(port) };
  inet_pton(AF_INET, host, &sa.sin_addr);
  long errors = 0, lost = 0;
  double start = now(), end = start + secs;
  for (int i = 0; i < n; i++) {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) { perror("connect"); return 1; }
    s[i].fd = fd;
    struct epoll_event ev = { .events = EPOLLIN, .data.u32 = i };
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    if (send(fd, out, msg, 0) < 0) errors++;
    s[i].sent_at = now();
  }
  struct epoll_event evs[1024];
  while (now() < end) {
    int k = epoll_wait(ep, evs, 1024, 10);
    double t = now();
    for (int j = 0; j < k; j++) {
      sock_t *x = &s[evs[j].data.u32];
      for (;;) {
        ssize_t r = recv(x->fd, in, 65536, 0);
        if (r < 0) { if (errno != EAGAIN) errors++; break; }
        if ((size_t)r != msg) { errors++; continue; }
        x->trips++;
        if (send(x->fd, out, msg, 0) < 0) errors++;
        x->sent_at = t;
      }
    }
    for (int i = 0; i < n; i++) {
      if (t - s[i].sent_at > 0.2) {
        lost++;
        if (send(s[i].fd, out, msg, 0) < 0) errors++;
        s[i].sent_at = t;
      }
    }
  }
  double el = now() - start; long trips = 0;
  for (int i = 0; i < n; i++) { trips += s[i].trips; close(s[i].fd); }
  printf("conns=%d msg=%zu secs=%.2f trips=%ld rps=%.0f MBps=%.1f lost=%ld errors=%ld\n", n, msg, el, trips, trips / el, trips * msg * 2 / el / 1e6, lost, errors);
  return errors ? 1 : 0;
}
