package my.app;

import static java.nio.charset.StandardCharsets.UTF_8;

import asyncigo.api.Handle;
import asyncigo.api.Loop;
import asyncigo.api.net.AsyncStream;
import asyncigo.api.net.Datagram;
import asyncigo.api.net.DatagramEndpoint;
import asyncigo.api.net.DatagramOptions;
import asyncigo.api.net.Server;
import asyncigo.api.process.ProcessResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A user's application on the transports beyond TCP: a Unix-socket echo, a UDP echo, a child
 * process and a signal, each printing one line (the child three).
 */
public final class Transports {
  private Transports() {}

  public static void main(String[] args) throws IOException {
    Path folder = Files.createTempDirectory("my-app");
    try (Loop loop = Loop.open()) {
      loop.run(() -> {
        unixEcho(loop, folder.resolve("echo.sock"));
        udpEcho(loop);
        child(loop);
        signal(loop);
        return null;
      });
    } finally {
      Files.delete(folder);
    }
  }

  private static void unixEcho(Loop loop, Path path) throws IOException {
    Server server = loop.listenUnix(path, stream -> stream.write(stream.readLine()));
    try (AsyncStream conn = loop.connectUnix(path)) {
      conn.write("hello\n".getBytes(UTF_8));
      System.out.print("unix echo: " + new String(conn.readLine(), UTF_8));
    }
    server.closeAll();
  }

  private static void udpEcho(Loop loop) throws IOException {
    try (DatagramEndpoint echo = loop.openDatagram(new InetSocketAddress("127.0.0.1", 0));
        DatagramEndpoint client = loop.openDatagram(new InetSocketAddress("127.0.0.1", 0),
            DatagramOptions.defaults().connect(echo.localAddress()))) {
      client.send("ping".getBytes(UTF_8));
      Datagram request = echo.receive();
      echo.send(request.payload(), request.sender());
      System.out.println("udp echo: " + new String(client.receive().payload(), UTF_8));
    }
  }

  private static void child(Loop loop) throws IOException {
    ProcessResult result =
        loop.exec("sh", "-c", "echo out; echo err >&2; exit 3").communicate(new byte[0]);
    System.out.print("stdout: " + result.stdoutText());
    System.out.print("stderr: " + result.stderrText());
    System.out.println("exit code: " + result.exitCode());
  }

  private static void signal(Loop loop) throws IOException {
    var got = loop.<String>newFuture();
    Handle handler = loop.onSignal("USR1", () -> got.complete("USR1"));
    loop.exec("kill", "-USR1", String.valueOf(ProcessHandle.current().pid())).waitFor();
    System.out.println("got signal " + got.await());
    handler.cancel();
  }
}
