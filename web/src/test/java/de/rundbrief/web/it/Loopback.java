package de.rundbrief.web.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;

/**
 * The deployment's address on the loopback interface. Arquillian reports the machine's own host
 * address, and not always the path; tests only ever talk to loopback, and Rundbrief lives at the
 * server's root (WEB-INF/payara-web.xml).
 */
public final class Loopback {

  private Loopback() {}

  /** {@code http://localhost:<port>/}. */
  static URI of(URL deployment) {
    return URI.create("http://localhost:" + deployment.getPort() + "/");
  }

  /** A TCP port on this machine that nothing listens on now, for a server of the test. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
