package de.rundbrief.application;

import de.rundbrief.domain.consent.ConfirmationRequested;
import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tenant.TenantNotFoundException;
import de.rundbrief.domain.tenant.TenantRepository;
import de.rundbrief.infrastructure.consent.ConsentLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Asks for a pending subscription's confirmation mail, at most once in {@link #RESEND_AFTER}, so
 * that neither a form nor staff can bomb a mailbox. The mail leaves after the transaction commits.
 */
@ApplicationScoped
class ConfirmationMails {

  /** The shortest time between two confirmation mails for the same subscription. */
  static final Duration RESEND_AFTER = Duration.ofMinutes(10);

  @Inject private TenantRepository tenants;
  @Inject private ConsentLinks links;
  @Inject private Event<ConfirmationRequested> mails;

  void requestConfirmation(
      TenantKey tenant, Subscription subscription, Locale locale, Instant now) {
    if (!subscription.awaitsConfirmationMail(now, RESEND_AFTER)) {
      return;
    }
    subscription.confirmationMailSent(now);
    Subscriber subscriber = subscription.getSubscriber();
    mails.fire(
        new ConfirmationRequested(
            tenant,
            tenants
                .find(tenant)
                .orElseThrow(() -> new TenantNotFoundException(tenant.value()))
                .getName(),
            subscription.getMailingList().getName(),
            subscriber.getEmail(),
            subscriber.getFullName(),
            links.confirmUrl(tenant, subscriber.getId(), subscription.getMailingList().getId()),
            locale));
  }
}
