// Unix domain socket echo load generator for ProcessEchoBench --unix true: the Unix-socket
// variant of the neutral TCP client (/work/shared/bench/echo_load.c), the same loop and output.
// N connections, each sends MSG bytes and waits for MSG bytes back (ping-pong), for SECONDS.
// usage: unix_echo_load PATH CONNS MSG SECONDS
// build: gcc -O2 -o /tmp/unix_echo_load asyncigo.bench/src/main/c/unix_echo_load.c
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

typedef struct { int fd; size_t sent, rcvd; long trips; } conn_t;

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }

int main(int argc, char **argv) {
  if (argc < 5) { fprintf(stderr, "usage: %s PATH CONNS MSG SECONDS\n", argv[0]); return 2; }
  const char *path = argv[1]; int n = atoi(argv[2]); size_t msg = atol(argv[3]); double secs = atof(argv[4]);
  struct sockaddr_un sa = { .sun_family = AF_UNIX };
  if (strlen(path) >= sizeof sa.sun_path) { fprintf(stderr, "path too long: %s\n", path); return 2; }
  strcpy(sa.sun_path, path);
  char *out = malloc(msg), *in = malloc(msg > 65536 ? msg : 65536);
  memset(out, 'x', msg);
  int ep = epoll_create1(0);
  conn_t *c = calloc(n, sizeof *c);
  for (int i = 0; i < n; i++) {
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) { perror("connect"); return 1; }
    fcntl(fd, F_SETFL, O_NONBLOCK);
    c[i].fd = fd;
    struct epoll_event ev = { .events = EPOLLIN | EPOLLOUT | EPOLLET, .data.u32 = i };
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
  }
  struct epoll_event evs[1024];
  double start = now(), end = start + secs; long errors = 0;
  while (now() < end) {
    int k = epoll_wait(ep, evs, 1024, 100);
    for (int j = 0; j < k; j++) {
      conn_t *x = &c[evs[j].data.u32];
      for (;;) {
        int progress = 0;
        while (x->sent < msg) {
          ssize_t w = write(x->fd, out + x->sent, msg - x->sent);
          if (w > 0) { x->sent += w; progress = 1; } else { if (w < 0 && errno != EAGAIN) errors++; break; }
        }
        while (x->rcvd < msg) {
          ssize_t r = read(x->fd, in, msg - x->rcvd < 65536 ? msg - x->rcvd : 65536);
          if (r > 0) { x->rcvd += r; progress = 1; } else { if (r == 0 || errno != EAGAIN) { errors++; x->rcvd = msg + 1; } break; }
        }
        if (x->sent == msg && x->rcvd == msg) { x->trips++; x->sent = x->rcvd = 0; continue; }
        if (!progress) break;
      }
    }
  }
  double el = now() - start; long trips = 0;
  for (int i = 0; i < n; i++) { trips += c[i].trips; close(c[i].fd); }
  printf("conns=%d msg=%zu secs=%.2f trips=%ld rps=%.0f MBps=%.1f errors=%ld\n", n, msg, el, trips, trips / el, trips * msg * 2 / el / 1e6, errors);
  return errors ? 1 : 0;
}
