package de.rundbrief.infrastructure.sending;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An SMTP server on loopback that refuses some recipients for good and takes the others, as a real
 * mail server does for addresses it does not know: {@code 550 5.1.1} to their {@code RCPT TO} and
 * {@code 554} to a {@code DATA} without any accepted recipient. Neither smtp-sink nor GreenMail
 * refuses only some recipients. It speaks enough of RFC 5321 for Jakarta Mail (EHLO, MAIL, RCPT,
 * DATA with dot-unstuffing, RSET, NOOP, QUIT), and records each accepted message's recipients and
 * octets, the MAIL and RCPT commands, how many connections were opened, and how many MAIL commands
 * came with the next command already behind them (pipelined).
 */
final class SelectiveSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final Predicate<String> refused;
  private final ExecutorService connections = Executors.newCachedThreadPool();
  private final List<String> delivered = new CopyOnWriteArrayList<>();
  private final AtomicInteger opened = new AtomicInteger();
  private final boolean pipelining;
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final List<String> envelopes = new CopyOnWriteArrayList<>();
  private final AtomicInteger pipelined = new AtomicInteger();

  private SelectiveSmtpServer(Predicate<String> refused, boolean pipelining) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.refused = refused;
    this.pipelining = pipelining;
    connections.execute(this::accept);
  }

  /** A server refusing every recipient the predicate holds for (given the bare address). */
  static SelectiveSmtpServer refusing(Predicate<String> refused) throws IOException {
    return new SelectiveSmtpServer(refused, false);
  }

  /** The same, announcing PIPELINING (RFC 2920). */
  static SelectiveSmtpServer pipeliningAndRefusing(Predicate<String> refused) throws IOException {
    return new SelectiveSmtpServer(refused, true);
  }

  /** The octets of every message taken, dot-unstuffed, read as ISO-8859-1. */
  List<String> messages() {
    return List.copyOf(messages);
  }

  /** Every MAIL and RCPT command as it came. */
  List<String> envelopes() {
    return List.copyOf(envelopes);
  }

  /** How many MAIL commands came with the next command already waiting behind them. */
  int pipelined() {
    return pipelined.get();
  }

  int port() {
    return socket.getLocalPort();
  }

  /** The recipients of every message taken, one entry per recipient and message. */
  List<String> delivered() {
    return List.copyOf(delivered);
  }

  int connectionsOpened() {
    return opened.get();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        opened.incrementAndGet();
        connections.execute(() -> converse(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void converse(Socket client) {
    try (client;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = client.getOutputStream()) {
      reply(out, "220 selective.test ESMTP");
      List<String> recipients = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String command =
            line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
        switch (command) {
          case "EHLO", "HELO" ->
              reply(
                  out,
                  "250-selective.test\r\n"
                      + (pipelining ? "250-PIPELINING\r\n" : "")
                      + "250 8BITMIME");
          case "MAIL" -> {
            envelopes.add(line);
            if (in.ready()) {
              pipelined.incrementAndGet();
            }
            recipients.clear();
            reply(out, "250 2.0.0 OK");
          }
          case "RSET" -> {
            recipients.clear();
            reply(out, "250 2.0.0 OK");
          }
          case "RCPT" -> {
            envelopes.add(line);
            String address = line.replaceAll("(?i)^RCPT TO:\\s*<?([^>\\s]*)>?.*$", "$1");
            if (refused.test(address)) {
              reply(out, "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown");
            } else {
              recipients.add(address);
              reply(out, "250 2.1.5 OK");
            }
          }
          case "DATA" -> {
            if (recipients.isEmpty()) {
              reply(out, "554 5.5.1 Error: no valid recipients");
              continue;
            }
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            StringBuilder message = new StringBuilder();
            while ((line = in.readLine()) != null && !line.equals(".")) {
              message.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
            }
            messages.add(message.toString());
            delivered.addAll(recipients);
            recipients.clear();
            reply(out, "250 2.0.0 Ok: queued");
          }
          case "NOOP" -> reply(out, "250 2.0.0 OK");
          case "QUIT" -> {
            reply(out, "221 2.0.0 Bye");
            return;
          }
          default -> reply(out, "502 5.5.2 Error: command not recognized");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    connections.shutdownNow();
  }
}
