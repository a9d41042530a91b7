package asyncigo.examples.demo;

import asyncigo.api.Loop;
import asyncigo.iter.AsyncSeq;
import asyncigo.iter.Iter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code asyncigo lines}: the lines of several servers, one server after the other, as one
 * sequence: {@code Iter.dialLines} for each server, chained with {@code Iter.flatten} (the
 * {@code chain} of a list), so each server is dialled only when the one before it has ended.
 */
final class LinesCommand implements Command {
  @Override
  public String name() {
    return "lines";
  }

  @Override
  public String summary() {
    return "print the lines of each server in turn";
  }

  @Override
  public String operands() {
    return "HOST:PORT...";
  }

  @Override
  public String description() {
    return """
        Connects to each server in turn and prints every line it sends until it closes the
        connection; the next server is dialled only then (a chain of dialLines sequences).
        An IPv6 address is written in brackets: [::1]:6172. A server that cannot be reached
        ends the command with an error after the lines printed so far.""";
  }

  @Override
  public List<Flag> flags() {
    return List.of(PollerFlag.FLAG);
  }

  @Override
  public int run(Arguments args, Console console) throws Exception {
    if (args.operands().isEmpty()) {
      throw new UsageException("give at least one HOST:PORT");
    }
    List<AsyncSeq<byte[]>> servers = new ArrayList<>();
    for (String operand : args.operands()) {
      servers.add(dialLines(operand));
    }
    try (Loop loop = Loop.open(PollerFlag.options(args))) {
      console.err().println(LoopBanner.of(loop));
      loop.run(
          () -> {
            Iter.flatten(servers).forEach(console.out()::writeBytes);
            return null;
          });
    }
    console.out().flush();
    return 0;
  }

  /** The lines of {@code HOST:PORT}. */
  private static AsyncSeq<byte[]> dialLines(String address) throws UsageException {
    int colon = address.lastIndexOf(':');
    String host = colon < 0 ? "" : address.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty() || host.contains(":") && !address.startsWith("[")) {
      throw new UsageException("'" + address + "' is not HOST:PORT ([IPv6]:PORT for IPv6)");
    }
    String port = address.substring(colon + 1);
    try {
      int number = Integer.parseInt(port);
      if (number >= 1 && number <= 65535) {
        return Iter.dialLines(host, number);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("the port of '" + address + "' must be from 1 to 65535");
  }
}
