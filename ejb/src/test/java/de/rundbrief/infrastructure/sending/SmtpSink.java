package de.rundbrief.infrastructure.sending;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Postfix's {@code smtp-sink} on loopback: a real SMTP server that accepts everything, or refuses a
 * command for good ({@code -f}), for now ({@code -r}) or by hanging up ({@code -q}). Needs Debian's
 * {@code postfix} package.
 */
final class SmtpSink implements AutoCloseable {

  private final Process process;
  private final int port;

  private SmtpSink(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * @param options smtp-sink's options, for example {@code "-f", "rcpt"}
   */
  static SmtpSink start(String... options) throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    // Debian installs it under /usr/sbin, which not every user's PATH has
    java.nio.file.Path installed = java.nio.file.Path.of("/usr/sbin/smtp-sink");
    List<String> command =
        new ArrayList<>(
            List.of(
                java.nio.file.Files.isExecutable(installed) ? installed.toString() : "smtp-sink"));
    if ("root".equals(System.getProperty("user.name"))) {
      // smtp-sink refuses to keep root's rights
      command.addAll(List.of("-u", "nobody"));
    }
    command.addAll(List.of(options));
    command.addAll(List.of("127.0.0.1:" + port, "64"));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket("127.0.0.1", port)) {
        return new SmtpSink(process, port);
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IllegalStateException("smtp-sink stopped: is postfix installed?");
        }
        Thread.sleep(50);
      }
    }
    process.destroy();
    throw new IllegalStateException("smtp-sink did not start");
  }

  int port() {
    return port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(5, TimeUnit.SECONDS);
  }
}
