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
 *
 * @since 0.1
 */
public interface LinuxLibC {
  /**
   * {@code int epoll_create1(int flags)}.
   *
   * @param flags {@code EPOLL_CLOEXEC} or 0
   * @return the new epoll descriptor, or -1 on failure
   */
  int epoll_create1(int flags);

  /**
   * {@code int epoll_ctl(int epfd, int op, int fd, struct epoll_event *event)}.
   *
   * @param epfd the epoll descriptor
   * @param op {@code EPOLL_CTL_ADD}, {@code EPOLL_CTL_MOD} or {@code EPOLL_CTL_DEL}
   * @param fd the descriptor to watch
   * @param event the address of one {@code struct epoll_event}; 0 for {@code EPOLL_CTL_DEL}
   * @return 0, or -1 on failure
   */
  int epoll_ctl(int epfd, int op, int fd, @intptr_t long event);

  /**
   * {@code int epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout)}.
   *
   * @param epfd the epoll descriptor
   * @param events the address of an array of {@code maxEvents} {@code struct epoll_event}
   * @param maxEvents the length of that array
   * @param timeoutMillis the longest wait in milliseconds; -1 waits without limit, 0 returns at
   *     once
   * @return the number of ready descriptors written to {@code events} (0 on timeout), or -1 on
   *     failure
   */
  int epoll_wait(int epfd, @intptr_t long events, int maxEvents, int timeoutMillis);

  /**
   * {@code int eventfd(unsigned int initval, int flags)}.
   *
   * @param initialValue the counter's initial value
   * @param flags {@code EFD_NONBLOCK}, {@code EFD_CLOEXEC}, or-ed
   * @return the new descriptor, or -1 on failure
   */
  int eventfd(int initialValue, int flags);

  /**
   * {@code int pipe2(int pipefd[2], int flags)}.
   *
   * @param fds the address of two {@code int}s that receive the read end, then the write end
   * @param flags {@code O_NONBLOCK}, {@code O_CLOEXEC}, or-ed
   * @return 0, or -1 on failure
   */
  int pipe2(@intptr_t long fds, int flags);

  /**
   * {@code int socket(int domain, int type, int protocol)}.
   *
   * @param domain {@code AF_INET} or {@code AF_INET6}
   * @param type {@code SOCK_STREAM}, or-ed with {@code SOCK_NONBLOCK} and {@code SOCK_CLOEXEC}
   * @param protocol 0 for the domain's default
   * @return the new descriptor, or -1 on failure
   */
  int socket(int domain, int type, int protocol);

  /**
   * {@code int connect(int fd, const struct sockaddr *addr, socklen_t len)}.
   *
   * @param fd the socket's descriptor
   * @param address the address of the peer's {@code struct sockaddr}
   * @param addressLength its length in bytes
   * @return 0, or -1 on failure ({@code EINPROGRESS} for a non-blocking socket still connecting)
   */
  int connect(int fd, @intptr_t long address, int addressLength);

  /**
   * {@code int bind(int fd, const struct sockaddr *addr, socklen_t len)}.
   *
   * @param fd the socket's descriptor
   * @param address the address of the local {@code struct sockaddr}
   * @param addressLength its length in bytes
   * @return 0, or -1 on failure
   */
  int bind(int fd, @intptr_t long address, int addressLength);

  /**
   * {@code int listen(int fd, int backlog)}.
   *
   * @param fd the socket's descriptor
   * @param backlog the queue length asked for; the kernel caps it
   * @return 0, or -1 on failure
   */
  int listen(int fd, int backlog);

  /**
   * {@code int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags)}.
   *
   * @param fd the listening socket's descriptor
   * @param address where the peer's {@code struct sockaddr} goes, or 0 for none
   * @param addressLength the address of its length in bytes (in and out), or 0 for none
   * @param flags {@code SOCK_NONBLOCK}, {@code SOCK_CLOEXEC}, or-ed
   * @return the accepted connection's descriptor, or -1 on failure ({@code EAGAIN} when none is
   *     pending)
   */
  int accept4(int fd, @intptr_t long address, @intptr_t long addressLength, int flags);

  /**
   * {@code int getsockopt(int fd, int level, int name, void *value, socklen_t *len)}.
   *
   * @param fd the socket's descriptor
   * @param level the option's level, such as {@code SOL_SOCKET}
   * @param name the option, such as {@code SO_ERROR}
   * @param value where the value goes
   * @param valueLength the address of its length in bytes (in and out)
   * @return 0, or -1 on failure
   */
  int getsockopt(int fd, int level, int name, @intptr_t long value, @intptr_t long valueLength);

  /**
   * {@code int setsockopt(int fd, int level, int name, const void *value, socklen_t len)}.
   *
   * @param fd the socket's descriptor
   * @param level the option's level, such as {@code IPPROTO_TCP}
   * @param name the option, such as {@code TCP_NODELAY}
   * @param value the address of the value
   * @param valueLength its length in bytes
   * @return 0, or -1 on failure
   */
  int setsockopt(int fd, int level, int name, @intptr_t long value, int valueLength);

  /**
   * {@code int getsockname(int fd, struct sockaddr *addr, socklen_t *len)}.
   *
   * @param fd the socket's descriptor
   * @param address where the local {@code struct sockaddr} goes
   * @param addressLength the address of its length in bytes (in and out)
   * @return 0, or -1 on failure
   */
  int getsockname(int fd, @intptr_t long address, @intptr_t long addressLength);

  /**
   * {@code int getpeername(int fd, struct sockaddr *addr, socklen_t *len)}.
   *
   * @param fd the socket's descriptor
   * @param address where the peer's {@code struct sockaddr} goes
   * @param addressLength the address of its length in bytes (in and out)
   * @return 0, or -1 on failure
   */
  int getpeername(int fd, @intptr_t long address, @intptr_t long addressLength);

  /**
   * {@code int shutdown(int fd, int how)}.
   *
   * @param fd the socket's descriptor
   * @param how {@code SHUT_RD}, {@code SHUT_WR} or {@code SHUT_RDWR}
   * @return 0, or -1 on failure
   */
  int shutdown(int fd, int how);

  /**
   * {@code ssize_t read(int fd, void *buf, size_t count)}.
   *
   * @param fd the descriptor
   * @param buffer where the bytes go
   * @param count the most bytes to read
   * @return the number of bytes read (0 at end of stream), or -1 on failure ({@code EAGAIN} when
   *     none are available)
   */
  @ssize_t
  long read(int fd, @intptr_t long buffer, @size_t long count);

  /**
   * {@code ssize_t write(int fd, const void *buf, size_t count)}.
   *
   * @param fd the descriptor
   * @param buffer the address of the bytes
   * @param count how many bytes to write
   * @return the number of bytes written, or -1 on failure ({@code EAGAIN} when the descriptor is
   *     full)
   */
  @ssize_t
  long write(int fd, @intptr_t long buffer, @size_t long count);

  /**
   * {@code ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)}. (The six-argument
   * {@code sendto} and {@code recvfrom} are not bound: jnr-ffi 2.3.7 passed their arguments wrong
   * here, failing with {@code EINVAL} or crashing.)
   *
   * @param fd the socket's descriptor
   * @param message the address of a {@code struct msghdr} naming the target's address (none for a
   *     connected socket's remote address) and the datagram's bytes
   * @param flags 0, or {@code MSG_*} flags or-ed
   * @return the number of bytes sent, or -1 on failure ({@code EAGAIN} when the send buffer is
   *     full)
   */
  @ssize_t
  long sendmsg(int fd, @intptr_t long message, int flags);

  /**
   * {@code ssize_t recvmsg(int fd, struct msghdr *msg, int flags)}.
   *
   * @param fd the socket's descriptor
   * @param message the address of a {@code struct msghdr} naming where the sender's address and
   *     the datagram's bytes go; the kernel writes the address's length and {@code msg_flags}
   * @param flags 0, or {@code MSG_*} flags or-ed
   * @return the number of bytes received, or -1 on failure ({@code EAGAIN} when no datagram
   *     waits)
   */
  @ssize_t
  long recvmsg(int fd, @intptr_t long message, int flags);

  /**
   * {@code int close(int fd)}. Its errno is not kept: on Linux the descriptor is released even
   * when close reports an error, so there is nothing to retry or recover.
   *
   * @param fd the descriptor
   * @return 0, or -1 on failure
   */
  @IgnoreError
  int close(int fd);
}
