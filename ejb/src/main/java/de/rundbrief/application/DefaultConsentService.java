package de.rundbrief.application;

import de.rundbrief.domain.consent.ConsentEvent;
import de.rundbrief.domain.consent.ConsentLog;
import de.rundbrief.domain.consent.ConsentSource;
import de.rundbrief.domain.consent.ConsentTextChangedException;
import de.rundbrief.domain.consent.ConsentToken;
import de.rundbrief.domain.consent.ConsentTokens;
import de.rundbrief.domain.consent.FormTooFastException;
import de.rundbrief.domain.consent.InvalidTokenException;
import de.rundbrief.domain.consent.SuppressionList;
import de.rundbrief.domain.consent.TokenPurpose;
import de.rundbrief.domain.mailinglist.MailingList;
import de.rundbrief.domain.mailinglist.MailingListNotFoundException;
import de.rundbrief.domain.mailinglist.MailingListRepository;
import de.rundbrief.domain.mailinglist.OptInMode;
import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.subscriber.SubscriberRepository;
import de.rundbrief.domain.subscriber.SubscriberStatus;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tenant.TenantNotFoundException;
import de.rundbrief.domain.tenant.TenantRepository;
import de.rundbrief.infrastructure.tenancy.PublicAccess;
import de.rundbrief.infrastructure.tenancy.TenantGuarded;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

@Stateless
@PermitAll
@TenantGuarded
@ValidateOnExecution
public class DefaultConsentService implements ConsentService {

  @Inject private TenantRepository tenants;
  @Inject private SubscriberRepository subscribers;
  @Inject private MailingListRepository lists;
  @Inject private ConsentLog consentLog;
  @Inject private SuppressionList suppressionList;
  @Inject private ConsentTokens tokens;
  @Inject private ConfirmationMails confirmations;
  @Inject private Clock clock;

  @Override
  @PublicAccess
  public PublicListView publicList(TenantKey tenant, long listId) {
    MailingList list = publicListOf(listId);
    return new PublicListView(
        tenantName(tenant),
        list.getId(),
        list.getName(),
        list.getDescription(),
        list.getConsentText(),
        list.getConsentTextVersion());
  }

  @Override
  @PublicAccess
  public String formToken(TenantKey tenant, long listId) {
    publicListOf(listId);
    return tokens.seal(ConsentToken.issue(TokenPurpose.FORM, tenant, 0, listId, clock.instant()));
  }

  @Override
  @PublicAccess
  public void subscribe(TenantKey tenant, long listId, SubscriptionRequest request) {
    MailingList list = publicListOf(listId);
    ConsentToken form = tokens.open(request.formToken());
    if (form.purpose() != TokenPurpose.FORM
        || !form.tenant().equals(tenant)
        || form.listId() != listId) {
      throw new InvalidTokenException(false);
    }
    if (form.issuedAt().plus(MIN_FILL_TIME).isAfter(clock.instant())) {
      throw new FormTooFastException();
    }
    if (request.consentTextVersion() != list.getConsentTextVersion()) {
      throw new ConsentTextChangedException(
          request.consentTextVersion(), list.getConsentTextVersion());
    }
    Instant now = clock.instant();
    EmailAddress email = EmailAddress.of(request.email());
    // An existing subscriber's data is never changed from a public form: anybody can type
    // anybody's address into it.
    Subscriber subscriber =
        subscribers
            .findByEmail(email)
            .orElseGet(
                () -> {
                  Subscriber created =
                      new Subscriber(email, request.firstName(), request.lastName(), now);
                  subscribers.add(created);
                  return created;
                });
    if (subscriber.getStatus() == SubscriberStatus.BLOCKED) {
      return;
    }
    // An erased address comes back only through its owner's own confirmation.
    boolean confirmationNeeded =
        list.getOptInMode() == OptInMode.DOUBLE || suppressionList.contains(email);
    Subscription subscription = lists.findSubscription(subscriber.getId(), listId).orElse(null);
    if (subscription == null) {
      subscription = new Subscription(subscriber, list, confirmationNeeded, now);
      lists.add(subscription);
    } else if (!subscription.requestAgain(confirmationNeeded, now)) {
      return;
    }
    consentLog.record(
        ConsentEvent.requested(subscription, request.source(), now, request.ipAddress()));
    if (!subscription.receivesNewsletters()) {
      confirmations.requestConfirmation(tenant, subscription, request.locale(), now);
    }
  }

  @Override
  public ConsentToken readToken(String sealed) {
    return tokens.open(sealed);
  }

  @Override
  @PublicAccess
  public LinkView describe(ConsentToken token, TokenPurpose purpose) {
    requirePurpose(token, purpose);
    Subscription subscription = subscriptionOf(token);
    return new LinkView(
        tenantName(token.tenant()),
        subscription.getMailingList().getName(),
        subscription.getSubscriber().getEmail().masked(),
        subscription.getStatus());
  }

  @Override
  @PublicAccess
  public boolean confirm(ConsentToken token, String ipAddress) {
    requirePurpose(token, TokenPurpose.CONFIRM);
    Subscription subscription = subscriptionOf(token);
    Instant now = clock.instant();
    if (!subscription.confirm(now)) {
      return false;
    }
    consentLog.record(ConsentEvent.confirmed(subscription, now, ipAddress));
    Subscriber subscriber = subscription.getSubscriber();
    suppressionList.remove(subscriber.getEmail());
    if (subscriber.getStatus() == SubscriberStatus.UNSUBSCRIBED) {
      subscriber.changeStatus(SubscriberStatus.ACTIVE);
    }
    return true;
  }

  @Override
  @PublicAccess
  public boolean unsubscribe(ConsentToken token, ConsentSource source, String ipAddress) {
    requirePurpose(token, TokenPurpose.UNSUBSCRIBE);
    return leave(subscriptionOf(token), source, ipAddress, token.mailing());
  }

  @Override
  @PublicAccess
  public String unsubscribeToken(ConsentToken token) {
    Subscription subscription = subscriptionOf(token);
    return tokens.seal(
        ConsentToken.issue(
            TokenPurpose.UNSUBSCRIBE,
            token.tenant(),
            subscription.getSubscriber().getId(),
            subscription.getMailingList().getId(),
            clock.instant()));
  }

  @Override
  @PublicAccess
  public PreferencesView preferences(ConsentToken token) {
    requirePurpose(token, TokenPurpose.UNSUBSCRIBE);
    Subscriber subscriber = subscriberOf(token);
    List<PreferencesView.Entry> entries =
        lists.subscriptionsOf(subscriber.getId()).stream()
            .filter(s -> s.getStatus() != SubscriptionStatus.UNSUBSCRIBED)
            .map(
                s ->
                    new PreferencesView.Entry(
                        s.getMailingList().getId(), s.getMailingList().getName(), true))
            .toList();
    return new PreferencesView(tenantName(token.tenant()), subscriber.getEmail().masked(), entries);
  }

  @Override
  @PublicAccess
  public void keepOnly(ConsentToken token, Set<Long> listIds, String ipAddress) {
    requirePurpose(token, TokenPurpose.UNSUBSCRIBE);
    for (Subscription subscription : lists.subscriptionsOf(subscriberOf(token).getId())) {
      if (!listIds.contains(subscription.getMailingList().getId())) {
        leave(subscription, ConsentSource.PREFERENCES, ipAddress, token.mailing());
      }
    }
  }

  private boolean leave(
      Subscription subscription, ConsentSource source, String ipAddress, Long mailing) {
    Instant now = clock.instant();
    if (!subscription.unsubscribe(now)) {
      return false;
    }
    consentLog.record(ConsentEvent.unsubscribed(subscription, source, now, ipAddress, mailing));
    return true;
  }

  private MailingList publicListOf(long listId) {
    return lists
        .find(listId)
        .filter(MailingList::takesPublicSubscriptions)
        .orElseThrow(() -> new MailingListNotFoundException(listId));
  }

  /** A token's subscriber, which may have been erased since the mail went out. */
  private Subscriber subscriberOf(ConsentToken token) {
    return subscribers
        .find(token.subscriberId())
        .orElseThrow(() -> new InvalidTokenException(false));
  }

  private Subscription subscriptionOf(ConsentToken token) {
    return lists
        .findSubscription(token.subscriberId(), token.listId())
        .orElseThrow(() -> new InvalidTokenException(false));
  }

  private static void requirePurpose(ConsentToken token, TokenPurpose purpose) {
    if (token.purpose() != purpose) {
      throw new InvalidTokenException(false);
    }
  }

  private String tenantName(TenantKey tenant) {
    return tenants
        .find(tenant)
        .orElseThrow(() -> new TenantNotFoundException(tenant.value()))
        .getName();
  }
}
