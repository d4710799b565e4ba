package de.rundbrief.infrastructure.sending;

import de.rundbrief.infrastructure.mail.DerivedMailSession;
import de.rundbrief.infrastructure.mail.PipeliningTransport;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.Map;

/**
 * The shared mail session as the sending engine uses it: the same properties and credentials that
 * IT configured, with Nagle's algorithm switched off on plain SMTP connections, and a transport
 * that pipelines where the server allows it ({@link PipeliningTransport}).
 *
 * <p>Why no Nagle: Jakarta Mail writes a message in 8 KB pieces. A message of 13 KB leaves a small
 * last piece that Nagle's algorithm holds back until the server acknowledges the first, and a
 * server that delays its acknowledgement (as Linux does, up to 40 ms) stalls every message: a trial
 * here sent 87 messages per second over four connections instead of hundreds. The session IT
 * provides is left as it is.
 */
final class SendingSession {

  private SendingSession() {}

  static Session of(Session shared) {
    return DerivedMailSession.of(
        shared,
        Map.of(
            "mail.smtp.socketFactory",
            PipeliningTransport.sockets(),
            "mail.smtp.socketFactory.fallback",
            "false"),
        Map.of());
  }

  /** A new, unconnected SMTP transport of the sending session. */
  static Transport transport(Session session) {
    return new PipeliningTransport(session);
  }
}
