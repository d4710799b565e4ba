package de.rundbrief.infrastructure.sending;

import de.rundbrief.domain.mailing.InvalidMailingException;
import de.rundbrief.domain.mailing.Mailing;
import de.rundbrief.domain.mailing.MailingLaunch;
import de.rundbrief.domain.mailing.MailingRepository;
import de.rundbrief.domain.mailing.MailingStatus;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.tenancy.TenantContext;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Starts scheduled mailings whose time has come, each in its own transaction bound to its tenant
 * (like {@link de.rundbrief.infrastructure.tenancy.ContainerTenantTransactions}, without a caller
 * to check). Of several instances only the one whose duty it is starts scheduled mailings (see
 * {@link ScheduledStarts}); should a start still meet another at the same moment (staff's "send
 * now" on another instance), the mailing's row lock makes the later one wait and then find the
 * mailing sending, and it returns without a change.
 */
@Stateless
@LocalBean
public class MailingStarts {

  private static final Logger LOG = Logger.getLogger(MailingStarts.class.getName());

  @Inject private TenantContext context;
  @Inject private MailingRepository mailings;
  @Inject private MailingLaunch launch;
  @Inject private Clock clock;

  /**
   * Starts the mailing if it is still scheduled and due. One that can no longer go out as it is
   * (its list deleted, its sender's domain no longer allowed) goes back to draft, with the reason
   * logged.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void startIfDue(TenantKey tenant, long mailingId) {
    context.enter(tenant);
    Instant now = clock.instant();
    Mailing mailing = mailings.findForStart(mailingId).orElse(null);
    if (mailing == null
        || mailing.getStatus() != MailingStatus.SCHEDULED
        || mailing.getScheduledAt().isAfter(now)) {
      return;
    }
    try {
      launch.launch(tenant, mailing, now);
    } catch (InvalidMailingException e) {
      mailing.unschedule();
      LOG.warning(
          () ->
              "Scheduled mailing "
                  + mailingId
                  + " of "
                  + tenant
                  + " went back to draft: "
                  + e.getMessage());
    }
  }
}
