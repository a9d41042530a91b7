/**
 * The asyncigo runtime under one name: the loop ({@code asyncigo.loop}) and both pollers ({@code
 * asyncigo.poll.nio}, {@code asyncigo.poll.epoll}, with the JNR modules it needs). It has no
 * packages and nobody requires it: application modules require {@code asyncigo.api} only, and
 * the implementations are found by {@link java.util.ServiceLoader}. Its use is in a jlink image,
 * which links service providers only when they are named: {@code jlink --add-modules
 * my.app,asyncigo,org.slf4j.simple ...}.
 *
 * <p>The epoll poller needs {@code --enable-native-access=org.jnrproject.jffi} on JDK 24+; the
 * loop's fast engines need {@code --add-exports java.base/jdk.internal.vm=asyncigo.loop}
 * (continuation) or {@code --add-opens java.base/java.lang=asyncigo.loop} (carrier). Bake them into
 * an image with {@code jlink --add-options}.
 */
module asyncigo {
  requires asyncigo.loop;
  requires asyncigo.poll.nio;
  requires asyncigo.poll.epoll;
}
