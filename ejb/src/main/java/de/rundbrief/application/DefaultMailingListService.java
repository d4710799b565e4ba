package de.rundbrief.application;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.consent.ConsentEvent;
import de.rundbrief.domain.consent.ConsentLog;
import de.rundbrief.domain.consent.ConsentSource;
import de.rundbrief.domain.consent.SuppressedAddressException;
import de.rundbrief.domain.consent.SuppressionList;
import de.rundbrief.domain.mailinglist.DuplicateMailingListException;
import de.rundbrief.domain.mailinglist.ListSummary;
import de.rundbrief.domain.mailinglist.MailingList;
import de.rundbrief.domain.mailinglist.MailingListNotFoundException;
import de.rundbrief.domain.mailinglist.MailingListRepository;
import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import de.rundbrief.domain.staff.Roles;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.subscriber.SubscriberNotFoundException;
import de.rundbrief.domain.subscriber.SubscriberRepository;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.tenancy.TenantGuarded;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

@Stateless
@TenantGuarded
// Hibernate Validator's CDI extension only looks at classes that carry a validation annotation
// themselves (HV-994); the constraints live on the interface.
@ValidateOnExecution
public class DefaultMailingListService implements MailingListService {

  @Inject private MailingListRepository lists;
  @Inject private SubscriberRepository subscribers;
  @Inject private ConsentLog consentLog;
  @Inject private SuppressionList suppressionList;
  @Inject private ConfirmationMails confirmations;
  @Inject private Clock clock;

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public List<ListSummary> list(TenantKey tenant) {
    return lists.summaries();
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public List<MailingList> all(TenantKey tenant) {
    return lists.all();
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public ListSummary get(TenantKey tenant, long id) {
    return lists.summary(id).orElseThrow(() -> new MailingListNotFoundException(id));
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public MailingList create(TenantKey tenant, MailingListData data) {
    if (lists.findByName(data.name()).isPresent()) {
      throw new DuplicateMailingListException(data.name().strip());
    }
    MailingList list =
        new MailingList(
            data.name(),
            data.description(),
            data.visibility(),
            data.optInMode(),
            data.consentText(),
            clock.instant());
    lists.add(list);
    return list;
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public MailingList update(TenantKey tenant, long id, MailingListData data) {
    MailingList list = listOf(id);
    lists
        .findByName(data.name())
        .filter(other -> !other.getId().equals(list.getId()))
        .ifPresent(
            other -> {
              throw new DuplicateMailingListException(data.name().strip());
            });
    list.rename(data.name());
    list.describe(data.description());
    list.changeAccess(data.visibility(), data.optInMode(), data.consentText());
    return list;
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public Page<Subscription> members(
      TenantKey tenant, long id, SubscriptionStatus status, PageRequest page) {
    listOf(id);
    return lists.members(id, status, page);
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public Subscription addMember(
      TenantKey tenant, long listId, long subscriberId, String legalBasis) {
    MailingList list = listOf(listId);
    Subscriber subscriber =
        subscribers
            .find(subscriberId)
            .orElseThrow(() -> new SubscriberNotFoundException(subscriberId));
    if (suppressionList.contains(subscriber.getEmail())) {
      throw new SuppressedAddressException();
    }
    boolean onLegalBasis = legalBasis != null && !legalBasis.isBlank();
    Instant now = clock.instant();
    Subscription subscription = lists.findSubscription(subscriberId, listId).orElse(null);
    if (subscription == null) {
      subscription = new Subscription(subscriber, list, !onLegalBasis, now);
      lists.add(subscription);
    } else if (!subscription.requestAgain(!onLegalBasis, now)) {
      return subscription;
    }
    if (onLegalBasis) {
      consentLog.record(
          ConsentEvent.subscribedOnLegalBasis(subscription, ConsentSource.STAFF, now, legalBasis));
    } else {
      consentLog.record(ConsentEvent.requested(subscription, ConsentSource.STAFF, now, null));
      confirmations.requestConfirmation(tenant, subscription, null, now);
    }
    return subscription;
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public void removeMember(TenantKey tenant, long listId, long subscriberId) {
    listOf(listId);
    Subscription subscription =
        lists
            .findSubscription(subscriberId, listId)
            .orElseThrow(() -> new SubscriberNotFoundException(subscriberId));
    Instant now = clock.instant();
    if (subscription.unsubscribe(now)) {
      consentLog.record(ConsentEvent.unsubscribed(subscription, ConsentSource.STAFF, now, null));
    }
  }

  private MailingList listOf(long id) {
    return lists.find(id).orElseThrow(() -> new MailingListNotFoundException(id));
  }
}
