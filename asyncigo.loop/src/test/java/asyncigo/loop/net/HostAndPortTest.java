package asyncigo.loop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostAndPortTest {

  @Test
  void aNameAndAPortAreSplitAtTheColon() {
    assertEquals(new HostAndPort("example.com", 80), HostAndPort.parse("example.com:80"));
    assertEquals(new HostAndPort("127.0.0.1", 0), HostAndPort.parse("127.0.0.1:0"));
    assertEquals(new HostAndPort("h", 65535), HostAndPort.parse("h:65535"));
  }

  @Test
  void anIpv6LiteralComesOutOfItsBrackets() {
    assertEquals(new HostAndPort("::1", 8080), HostAndPort.parse("[::1]:8080"));
    assertEquals(new HostAndPort("fe80::1%lo", 1), HostAndPort.parse("[fe80::1%lo]:1"));
  }

  @ParameterizedTest(name = "\"{0}\": {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no-port|missing ':port'",
        "[::1]80|expected ':' and a port after ']'",
        "[::1|'[' without ']'",
        "::1:80|an IPv6 address must be written in brackets, as [::1]:80",
        ":80|missing host",
        "[]:80|missing host",
        "host:|port must be a number from 0 to 65535",
        "host:8o|port must be a number from 0 to 65535",
        "host:-1|port must be a number from 0 to 65535",
        "host:65536|port must be a number from 0 to 65535",
        "host:123456|port must be a number from 0 to 65535"
      })
  void malformedInputIsRejectedSayingWhatIsWrong(String input, String problem) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse(input));
    assertEquals("malformed address \"" + input + "\": " + problem, e.getMessage());
  }

  @Test
  void nullIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse(null));
  }
}
