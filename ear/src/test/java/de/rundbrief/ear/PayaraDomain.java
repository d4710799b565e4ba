package de.rundbrief.ear;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A fresh Payara Server domain of the unpacked distribution, created with {@code asadmin
 * create-domain} in a folder of its own, on a port base whose hundred ports are free. Its admin
 * user has no password, as in a fresh installation.
 */
final class PayaraDomain implements AutoCloseable {

  static final String NAME = "rundbrief";

  private final Path asadmin;
  private final Path domains;
  private final Path logs;
  private final int portBase;
  private final Thread stopAtExit = new Thread(this::stop);
  private boolean started;

  private PayaraDomain(Path asadmin, Path domains, Path logs, int portBase) {
    this.asadmin = asadmin;
    this.domains = domains;
    this.logs = logs;
    this.portBase = portBase;
  }

  /** Creates the domain under {@code directory}; {@link #start()} starts it. */
  static PayaraDomain create(Path payaraHome, Path directory) throws IOException {
    Path asadmin = payaraHome.resolve("bin/asadmin");
    if (!Files.isRegularFile(asadmin)) {
      fail("No Payara Server at " + payaraHome + " (the ear module's build unpacks it)");
    }
    asadmin.toFile().setExecutable(true);
    PayaraDomain domain =
        new PayaraDomain(
            asadmin,
            Files.createDirectories(directory.resolve("domains")),
            Files.createDirectories(directory.resolve("logs")),
            freePortBase());
    domain.asadmin(
        "create-domain",
        120,
        "--nopassword",
        "--portbase",
        String.valueOf(domain.portBase),
        "--domaindir",
        domain.domains.toString(),
        NAME);
    return domain;
  }

  /** Starts the domain; it is stopped by {@link #close()} or, failing that, when the JVM ends. */
  void start() {
    started = true;
    Runtime.getRuntime().addShutdownHook(stopAtExit);
    asadmin("start-domain", 300, "--domaindir", domains.toString(), NAME);
  }

  int adminPort() {
    return portBase + 48;
  }

  int httpPort() {
    return portBase + 80;
  }

  /** The asadmin program, for scripts that call it. */
  Path asadmin() {
    return asadmin;
  }

  /** What scripts pass to every asadmin command to reach this domain. */
  String asadminOptions() {
    return "--port " + adminPort();
  }

  /** The environment asadmin runs in: the test's own Java. */
  static Map<String, String> environment() {
    return Map.of("AS_JAVA", System.getProperty("java.home"));
  }

  /** The last lines of the domain's server log, for failure messages. */
  String serverLogTail() {
    return tail(domains.resolve(NAME).resolve("logs/server.log"), 80);
  }

  @Override
  public void close() {
    if (started) {
      stop();
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    }
  }

  /** Stops the domain if it runs; whether it did is in logs/stop-domain.log. */
  private synchronized void stop() {
    if (started) {
      started = false;
      run("stop-domain", 120, "--domaindir", domains.toString(), NAME);
    }
  }

  private void asadmin(String command, int timeoutSeconds, String... arguments) {
    int exit = run(command, timeoutSeconds, arguments);
    Path log = logs.resolve(command + ".log");
    if (exit < 0) {
      fail("asadmin " + command + " took longer than " + timeoutSeconds + " s:\n" + tail(log, 40));
    }
    if (exit != 0) {
      fail("asadmin " + command + " failed:\n" + tail(log, 40) + "\n" + serverLogTail());
    }
  }

  /** Runs an asadmin command; its exit value, or -1 if it did not end in time. */
  private int run(String command, int timeoutSeconds, String... arguments) {
    List<String> line = new ArrayList<>(List.of(asadmin.toString(), command));
    line.addAll(List.of(arguments));
    try {
      ProcessBuilder builder =
          new ProcessBuilder(line)
              .redirectErrorStream(true)
              .redirectOutput(logs.resolve(command + ".log").toFile());
      builder.environment().putAll(environment());
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return -1;
      }
      return process.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String tail(Path file, int lines) {
    try {
      if (!Files.exists(file)) {
        return "(no " + file.getFileName() + ")";
      }
      List<String> all = Files.readAllLines(file);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(" + file.getFileName() + " unreadable: " + e.getMessage() + ")";
    }
  }

  /**
   * A port base whose hundred ports (admin +48, HTTP +80, HTTPS +81, IIOP, JMS, JMX...) are free.
   */
  private static int freePortBase() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(200, 600) * 100;
      if (allFree(base)) {
        return base;
      }
    }
    return fail("No free port base of a hundred ports found between 20000 and 60000");
  }

  private static boolean allFree(int base) {
    for (int port = base; port < base + 100; port++) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(port));
      } catch (IOException inUse) {
        return false;
      }
    }
    return true;
  }
}
