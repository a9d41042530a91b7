package asyncigo.poll.epoll.sys;

import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.types.intptr_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The Linux C library calls the epoll backend makes, bound through jnr-ffi.
 *
 * <p><b>Internal.</b> This package is exported only because jnr-ffi defines the generated
 * implementation of this interface in an unnamed module, which must be able to read it; it is not
 * part of asyncigo's API and may change without notice.
 *
 * <p>Every pointer is passed as a raw address ({@code @intptr_t long}) into memory the caller owns
 * (a direct buffer), so that a call marshals only primitives. Calls return -1 on failure; the
 * caller reads {@code errno} right after, on the same thread, with {@link
 * jnr.ffi.LastError#getLastError}. Thread-safe (the functions are).
 */
public interface LinuxLibC {
  /** {@code int epoll_create1(int flags)}. */
  int epoll_create1(int flags);

  /** {@code int epoll_ctl(int epfd, int op, int fd, struct epoll_event *event)}. */
  int epoll_ctl(int epfd, int op, int fd, @intptr_t long event);

  /** {@code int epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout)}. */
  int epoll_wait(int epfd, @intptr_t long events, int maxEvents, int timeoutMillis);

  /** {@code int eventfd(unsigned int initval, int flags)}. */
  int eventfd(int initialValue, int flags);

  /** {@code int pipe2(int pipefd[2], int flags)}. */
  int pipe2(@intptr_t long fds, int flags);

  /** {@code int socket(int domain, int type, int protocol)}. */
  int socket(int domain, int type, int protocol);

  /** {@code int connect(int fd, const struct sockaddr *addr, socklen_t len)}. */
  int connect(int fd, @intptr_t long address, int addressLength);

  /** {@code int bind(int fd, const struct sockaddr *addr, socklen_t len)}. */
  int bind(int fd, @intptr_t long address, int addressLength);

  /** {@code int listen(int fd, int backlog)}. */
  int listen(int fd, int backlog);

  /** {@code int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags)}. */
  int accept4(int fd, @intptr_t long address, @intptr_t long addressLength, int flags);

  /** {@code int getsockopt(int fd, int level, int name, void *value, socklen_t *len)}. */
  int getsockopt(int fd, int level, int name, @intptr_t long value, @intptr_t long valueLength);

  /** {@code int setsockopt(int fd, int level, int name, const void *value, socklen_t len)}. */
  int setsockopt(int fd, int level, int name, @intptr_t long value, int valueLength);

  /** {@code int getsockname(int fd, struct sockaddr *addr, socklen_t *len)}. */
  int getsockname(int fd, @intptr_t long address, @intptr_t long addressLength);

  /** {@code int getpeername(int fd, struct sockaddr *addr, socklen_t *len)}. */
  int getpeername(int fd, @intptr_t long address, @intptr_t long addressLength);

  /** {@code int shutdown(int fd, int how)}. */
  int shutdown(int fd, int how);

  /** {@code ssize_t read(int fd, void *buf, size_t count)}. */
  @ssize_t
  long read(int fd, @intptr_t long buffer, @size_t long count);

  /** {@code ssize_t write(int fd, const void *buf, size_t count)}. */
  @ssize_t
  long write(int fd, @intptr_t long buffer, @size_t long count);

  /**
   * {@code int close(int fd)}. Its errno is not kept: on Linux the descriptor is released even
   * when close reports an error, so there is nothing to retry or recover.
   */
  @IgnoreError
  int close(int fd);
}
