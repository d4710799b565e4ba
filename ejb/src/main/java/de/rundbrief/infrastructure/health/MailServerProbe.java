package de.rundbrief.infrastructure.health;

import de.rundbrief.infrastructure.mail.DerivedMailSession;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Connects to the shared mail session's SMTP server, signs in if the session says so, and says
 * goodbye, as a sending worker would before its first message. The answer is kept for a while, so
 * that a load balancer asking every second does not open a connection every second.
 */
final class MailServerProbe {

  /** What the last connection attempt found. */
  record Outcome(boolean reachable, String server, String error, Instant at) {}

  private final Session session;
  private final Clock clock;
  private final Duration keep;
  private Outcome last;

  MailServerProbe(Session shared, Duration timeout, Duration keep, Clock clock) {
    String millis = String.valueOf(timeout.toMillis());
    this.session =
        DerivedMailSession.of(
            shared,
            Map.of(),
            Map.of(
                "mail.smtp.connectiontimeout", millis,
                "mail.smtp.timeout", millis,
                "mail.smtp.writetimeout", millis));
    this.clock = clock;
    this.keep = keep;
  }

  /** The last outcome if it is recent enough, otherwise a new one. */
  synchronized Outcome outcome() {
    Instant now = clock.instant();
    if (last == null || !now.isBefore(last.at().plus(keep))) {
      last = connect(now);
    }
    return last;
  }

  private Outcome connect(Instant now) {
    String server = server();
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect();
      return new Outcome(true, server, null, now);
    } catch (MessagingException e) {
      String cause = e.getCause() == null ? "" : ": " + e.getCause().getMessage();
      return new Outcome(false, server, e.getMessage() + cause, now);
    }
  }

  private String server() {
    String host = session.getProperty("mail.smtp.host");
    if (host == null) {
      host = session.getProperty("mail.host");
    }
    String port = session.getProperty("mail.smtp.port");
    return (host == null ? "localhost" : host) + ":" + (port == null ? "25" : port);
  }
}
