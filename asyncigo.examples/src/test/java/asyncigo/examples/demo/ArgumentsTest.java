package asyncigo.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
  private static final Flag PORT = new Flag("port", "PORT", "7007", "the port");
  private static final Flag POLLER = new Flag("poller", "nio|epoll", null, "the poller");
  private static final Flag TLS = Flag.toggle("tls", "speak TLS");
  private static final List<Flag> FLAGS = List.of(PORT, POLLER, TLS);

  private static Arguments parse(String... args) throws UsageException {
    return Arguments.parse(FLAGS, List.of(args));
  }

  @Test
  void aFlagTakesItsValueFromTheNextArgumentOrAfterAnEqualsSign() throws Exception {
    assertEquals(9000, parse("--port", "9000").integer(PORT, 0, 65535));
    assertEquals(9001, parse("--port=9001").integer(PORT, 0, 65535));
  }

  @Test
  void anAbsentFlagHasItsDefaultOrNoValue() throws Exception {
    Arguments args = parse();

    assertEquals(7007, args.integer(PORT, 0, 65535));
    assertEquals(Optional.empty(), args.string(POLLER));
  }

  @Test
  void argumentsThatAreNotFlagsAreOperandsInOrderAndDoubleDashEndsTheFlags() throws Exception {
    Arguments args = parse("a:1", "--port", "1", "b:2", "--", "--port");

    assertEquals(List.of("a:1", "b:2", "--port"), args.operands());
    assertEquals(1, args.integer(PORT, 0, 65535));
  }

  @Test
  void helpIsAskedWithDoubleDashHelpOrDashHAnywhere() throws Exception {
    assertTrue(parse("--port", "1", "--help").helpAsked());
    assertTrue(parse("-h").helpAsked());
    assertFalse(parse("--port", "1").helpAsked());
  }

  @Test
  void anUnknownFlagIsAUsageErrorNamingIt() {
    UsageException e = assertThrows(UsageException.class, () -> parse("--prot", "1"));

    assertEquals("unknown flag --prot", e.getMessage());
  }

  @Test
  void aSingleDashLongFlagIsUnknown() {
    assertThrows(UsageException.class, () -> parse("-port", "1"));
  }

  @Test
  void aSwitchIsSetWhenGivenAndTakesNoValue() throws Exception {
    assertTrue(parse("--tls", "--port", "1").isSet(TLS));
    assertFalse(parse("--port", "1").isSet(TLS));
    assertEquals(List.of("x"), parse("--tls", "x").operands(), "a switch does not take x");
    assertEquals(
        "--tls takes no value",
        assertThrows(UsageException.class, () -> parse("--tls=yes")).getMessage());
  }

  @Test
  void aFlagWithoutItsValueIsAUsageError() {
    UsageException e = assertThrows(UsageException.class, () -> parse("--port"));

    assertEquals("--port needs a value (PORT)", e.getMessage());
  }

  @Test
  void aFlagGivenTwiceIsAUsageError() {
    UsageException e = assertThrows(UsageException.class, () -> parse("--port=1", "--port=2"));

    assertEquals("--port is given twice", e.getMessage());
  }

  @Test
  void anIntegerOutsideItsRangeOrNotANumberIsAUsageErrorGivingTheRange() throws Exception {
    Arguments tooBig = parse("--port", "70000");
    Arguments notANumber = parse("--port", "x");

    assertEquals(
        "--port must be an integer from 0 to 65535, not '70000'",
        assertThrows(UsageException.class, () -> tooBig.integer(PORT, 0, 65535)).getMessage());
    assertEquals(
        "--port must be an integer from 0 to 65535, not 'x'",
        assertThrows(UsageException.class, () -> notANumber.integer(PORT, 0, 65535)).getMessage());
  }

  @Test
  void aChoiceAcceptsOnlyTheListedValues() throws Exception {
    assertEquals(
        Optional.of("nio"), parse("--poller", "nio").choice(POLLER, List.of("nio", "epoll")));

    Arguments kqueue = parse("--poller", "kqueue");
    assertEquals(
        "--poller must be one of nio, epoll, not 'kqueue'",
        assertThrows(UsageException.class, () -> kqueue.choice(POLLER, List.of("nio", "epoll")))
            .getMessage());
  }
}
