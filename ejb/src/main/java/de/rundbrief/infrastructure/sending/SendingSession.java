package de.rundbrief.infrastructure.sending;

import de.rundbrief.infrastructure.mail.DerivedMailSession;
import jakarta.mail.Session;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import javax.net.SocketFactory;

/**
 * The shared mail session as the sending engine uses it: the same properties and credentials that
 * IT configured, with Nagle's algorithm switched off on plain SMTP connections.
 *
 * <p>Why: Jakarta Mail writes a message in 8 KB pieces. A message of 13 KB leaves a small last
 * piece that Nagle's algorithm holds back until the server acknowledges the first, and a server
 * that delays its acknowledgement (as Linux does, up to 40 ms) stalls every message: a trial here
 * sent 87 messages per second over four connections instead of hundreds. The session IT provides is
 * left as it is.
 */
final class SendingSession {

  private SendingSession() {}

  static Session of(Session shared) {
    return DerivedMailSession.of(
        shared,
        Map.of(
            "mail.smtp.socketFactory",
            new NoDelaySocketFactory(),
            "mail.smtp.socketFactory.fallback",
            "false"),
        Map.of());
  }

  /** Plain sockets with {@code TCP_NODELAY}. */
  private static final class NoDelaySocketFactory extends SocketFactory {

    @Override
    public Socket createSocket() throws IOException {
      Socket socket = new Socket();
      socket.setTcpNoDelay(true);
      return socket;
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
      return socket;
    }
  }
}
