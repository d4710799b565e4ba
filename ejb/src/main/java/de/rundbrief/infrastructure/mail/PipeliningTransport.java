package de.rundbrief.infrastructure.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.event.TransportEvent;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.SocketFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Jakarta Mail's SMTP transport, which sends an {@link EightBitMessage} with SMTP pipelining (RFC
 * 2920) where the server announces it: {@code MAIL FROM}, {@code RCPT TO} and {@code DATA} in one
 * write, then the message's octets, dot-stuffed, with the final dot in another; two round trips
 * instead of four, and the octets written as they are instead of through Jakarta Mail's streams,
 * which look at each octet twice.
 *
 * <p>Jakarta Mail still connects, greets, negotiates STARTTLS and authenticates as the session
 * says. Any message or connection this path does not cover exactly goes to Jakarta Mail as before:
 * a server without PIPELINING or 8BITMIME, a connection over TLS (whose socket only Jakarta Mail
 * holds), a session asking for delivery status notifications, a submitter, UTF-8 addresses,
 * chunking, a write timeout, a proxy, debug output or success reports. Replies are reported as
 * Jakarta Mail reports them: a refused sender or message as {@link SMTPSendFailedException}, a
 * refused recipient as {@link SendFailedException} with an {@link SMTPAddressFailedException},
 * after which the transaction is reset, so that the engine records the same reasons.
 */
public final class PipeliningTransport extends SMTPTransport {

  /** Session properties under which messages go to Jakarta Mail's own path. */
  private static final List<String> OWN_PATH =
      List.of(
          "mail.smtp.dsn.notify",
          "mail.smtp.dsn.ret",
          "mail.smtp.submitter",
          "mail.smtp.mailextension",
          "mail.smtp.chunksize",
          "mail.smtp.writetimeout",
          "mail.smtp.proxy.host",
          "mail.smtp.socks.host",
          "mail.smtp.reportsuccess",
          "mail.mime.allowutf8");

  /** The socket the factory made last on this thread, for the transport it connects. */
  private static final ThreadLocal<Socket> MADE = new ThreadLocal<>();

  private final boolean ownPath;
  private Socket socket;

  public PipeliningTransport(Session session) {
    super(session, new URLName("smtp", null, -1, null, null, null));
    this.ownPath =
        session.getDebug() || OWN_PATH.stream().anyMatch(name -> session.getProperty(name) != null);
  }

  /**
   * Plain sockets with {@code TCP_NODELAY}, remembered for the transport that asked for them (see
   * {@code SendingSession}).
   */
  public static SocketFactory sockets() {
    return new NoDelaySocketFactory();
  }

  @Override
  protected synchronized boolean protocolConnect(
      String host, int port, String user, String password) throws MessagingException {
    MADE.remove();
    try {
      boolean connected = super.protocolConnect(host, port, user, password);
      socket = MADE.get();
      return connected;
    } finally {
      MADE.remove();
    }
  }

  @Override
  public synchronized void close() throws MessagingException {
    socket = null;
    super.close();
  }

  @Override
  public synchronized void sendMessage(Message message, Address[] addresses)
      throws MessagingException {
    if (!(message instanceof EightBitMessage eightBit) || !pipelines(eightBit, addresses)) {
      super.sendMessage(message, addresses);
      return;
    }
    checkConnected();
    InternetAddress recipient = (InternetAddress) addresses[0];
    String mailFrom = "MAIL FROM:" + angleBrackets(eightBit.getEnvelopeFrom());
    if (eightBit.getMailExtension() != null && !eightBit.getMailExtension().isEmpty()) {
      mailFrom += " " + eightBit.getMailExtension();
    }
    String rcptTo = "RCPT TO:" + angleBrackets(recipient.getAddress());
    try {
      OutputStream out = socket.getOutputStream();
      out.write((mailFrom + "\r\n" + rcptTo + "\r\nDATA\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      int mail = readServerResponse();
      String mailReply = getLastServerResponse();
      int rcpt = readServerResponse();
      String rcptReply = getLastServerResponse();
      int data = readServerResponse();
      String dataReply = getLastServerResponse();
      if (mail != 250) {
        refused(eightBit, addresses);
        if (data == 354) {
          endData(out);
        }
        throw new SMTPSendFailedException(mailFrom, mail, mailReply, null, null, addresses, null);
      }
      if (rcpt != 250 && rcpt != 251) {
        if (data == 354) {
          endData(out);
        }
        reset();
        refused(eightBit, addresses);
        throw new SendFailedException(
            "Invalid Addresses",
            new SMTPAddressFailedException(recipient, rcptTo, rcpt, rcptReply),
            null,
            rcpt >= 400 && rcpt <= 499 ? addresses : null,
            rcpt >= 400 && rcpt <= 499 ? null : addresses);
      }
      if (data != 354) {
        reset();
        refused(eightBit, addresses);
        throw new SMTPSendFailedException("DATA", data, dataReply, null, null, addresses, null);
      }
      eightBit.writeDotStuffed(out);
      out.write(END_OF_DATA);
      out.flush();
      int sent = readServerResponse();
      if (sent != 250) {
        refused(eightBit, addresses);
        throw new SMTPSendFailedException(
            ".", sent, getLastServerResponse(), null, null, addresses, null);
      }
    } catch (IOException e) {
      refused(eightBit, addresses);
      try {
        super.close();
      } catch (MessagingException closing) {
        e.addSuppressed(closing);
      }
      throw new MessagingException("IOException while sending message", e);
    }
    notifyTransportListeners(
        TransportEvent.MESSAGE_DELIVERED, addresses, new Address[0], new Address[0], message);
  }

  private static final byte[] END_OF_DATA = ".\r\n".getBytes(StandardCharsets.US_ASCII);

  /**
   * Whether this message goes the pipelined way: one recipient, an envelope sender, a plain
   * connection this transport holds the socket of, and a server that takes pipelining and 8-bit
   * MIME.
   */
  private boolean pipelines(EightBitMessage message, Address[] addresses) {
    return !ownPath
        && socket != null
        && !isSSL()
        && addresses != null
        && addresses.length == 1
        && addresses[0] instanceof InternetAddress
        && message.getEnvelopeFrom() != null
        && supportsExtension("PIPELINING")
        && supportsExtension("8BITMIME");
  }

  /** Ends a message the server wanted although it refused its sender or recipient. */
  private void endData(OutputStream out) throws IOException, MessagingException {
    out.write(END_OF_DATA);
    out.flush();
    readServerResponse();
  }

  /** Clears the transaction after a refusal, as Jakarta Mail does. */
  private void reset() throws MessagingException {
    sendCommand("RSET");
    readServerResponse();
  }

  private void refused(Message message, Address[] addresses) {
    notifyTransportListeners(
        TransportEvent.MESSAGE_NOT_DELIVERED, new Address[0], addresses, new Address[0], message);
  }

  private static String angleBrackets(String address) {
    return address.startsWith("<") || address.endsWith(">") ? address : "<" + address + ">";
  }

  /** Plain sockets with {@code TCP_NODELAY}, each remembered for the thread that connects it. */
  private static final class NoDelaySocketFactory extends SocketFactory {

    @Override
    public Socket createSocket() throws IOException {
      Socket socket = new Socket();
      socket.setTcpNoDelay(true);
      return made(socket);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return noDelay(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return noDelay(new Socket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
      socket.setTcpNoDelay(true);
      return made(socket);
    }

    private static Socket made(Socket socket) {
      MADE.set(socket);
      return socket;
    }
  }
}
