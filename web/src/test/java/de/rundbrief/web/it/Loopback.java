package de.rundbrief.web.it;

import java.net.URI;
import java.net.URL;

/**
 * The deployment's address on the loopback interface. Arquillian reports the machine's own host
 * address; tests only ever talk to loopback.
 */
final class Loopback {

  private Loopback() {}

  /** {@code http://localhost:<port>/<context>/}. */
  static URI of(URL deployment) {
    String path = deployment.getPath();
    if (path.isEmpty()) {
      path = "/";
    } else if (!path.endsWith("/")) {
      path = path + "/";
    }
    return URI.create("http://localhost:" + deployment.getPort() + path);
  }
}
