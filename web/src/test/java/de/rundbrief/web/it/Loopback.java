package de.rundbrief.web.it;

import java.net.URI;
import java.net.URL;

/**
 * The deployment's address on the loopback interface. Arquillian reports the machine's own host
 * address, and not always the path; tests only ever talk to loopback, and Rundbrief lives at the
 * server's root (WEB-INF/payara-web.xml).
 */
final class Loopback {

  private Loopback() {}

  /** {@code http://localhost:<port>/}. */
  static URI of(URL deployment) {
    return URI.create("http://localhost:" + deployment.getPort() + "/");
  }
}
