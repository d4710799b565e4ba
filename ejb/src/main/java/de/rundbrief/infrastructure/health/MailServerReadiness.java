package de.rundbrief.infrastructure.health;

import de.rundbrief.infrastructure.mail.ConfirmationMailer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the SMTP server of the shared mail session accepts a connection (and the sign-in, if
 * the session has one) within three seconds. The answer is at most ten seconds old.
 */
@Readiness
@ApplicationScoped
public class MailServerReadiness implements HealthCheck {

  /** The check's name in the health answer. */
  public static final String NAME = "mail-server";

  @Resource(lookup = ConfirmationMailer.MAIL_SESSION)
  private Session session;

  @Inject private Clock clock;

  private MailServerProbe probe;

  @PostConstruct
  void prepare() {
    probe = new MailServerProbe(session, Duration.ofSeconds(3), Duration.ofSeconds(10), clock);
  }

  @Override
  public HealthCheckResponse call() {
    MailServerProbe.Outcome outcome = probe.outcome();
    var response =
        HealthCheckResponse.named(NAME)
            .status(outcome.reachable())
            .withData("server", outcome.server())
            .withData("checkedAt", outcome.at().toString());
    return outcome.error() == null
        ? response.build()
        : response.withData("error", outcome.error()).build();
  }
}
