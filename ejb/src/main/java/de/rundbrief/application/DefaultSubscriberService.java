package de.rundbrief.application;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.attribute.AttributeRepository;
import de.rundbrief.domain.consent.ConsentLog;
import de.rundbrief.domain.consent.SuppressedAddressException;
import de.rundbrief.domain.consent.SuppressionList;
import de.rundbrief.domain.consent.SuppressionReason;
import de.rundbrief.domain.importing.ImportJobRepository;
import de.rundbrief.domain.mailinglist.MailingListRepository;
import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import de.rundbrief.domain.staff.Roles;
import de.rundbrief.domain.subscriber.DuplicateSubscriberException;
import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.subscriber.SubscriberFilter;
import de.rundbrief.domain.subscriber.SubscriberNotFoundException;
import de.rundbrief.domain.subscriber.SubscriberRepository;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tracking.TrackingEvent;
import de.rundbrief.domain.tracking.TrackingStatistics;
import de.rundbrief.infrastructure.tenancy.AcrossTenants;
import de.rundbrief.infrastructure.tenancy.Audited;
import de.rundbrief.infrastructure.tenancy.TenantGuarded;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.util.List;

@Stateless
// Hibernate Validator's CDI extension only looks at classes that carry a validation annotation
// themselves (HV-994); the constraints live on the interface.
@ValidateOnExecution
@TenantGuarded
public class DefaultSubscriberService implements SubscriberService {

  @Inject private SubscriberRepository subscribers;
  @Inject private MailingListRepository lists;
  @Inject private AttributeRepository fields;
  @Inject private FieldValues fieldValues;
  @Inject private ConsentLog consentLog;
  @Inject private TrackingStatistics tracking;
  @Inject private SuppressionList suppressionList;
  @Inject private ImportJobRepository imports;
  @Inject private Clock clock;

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public Page<Subscriber> search(TenantKey tenant, SubscriberFilter filter, PageRequest page) {
    return subscribers.search(filter, page);
  }

  @Override
  @AcrossTenants
  @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.CENTRAL_MARKETING})
  public Page<Subscriber> searchAcrossTenants(SubscriberFilter filter, PageRequest page) {
    return subscribers.searchAcrossTenants(filter, page);
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public Subscriber get(TenantKey tenant, long id) {
    return subscribers.find(id).orElseThrow(() -> new SubscriberNotFoundException(id));
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public Subscriber create(TenantKey tenant, SubscriberData data) {
    EmailAddress email = EmailAddress.of(data.email());
    if (subscribers.findByEmail(email).isPresent()) {
      throw new DuplicateSubscriberException(email);
    }
    Subscriber subscriber =
        new Subscriber(email, data.firstName(), data.lastName(), clock.instant());
    if (data.status() != null) {
      subscriber.changeStatus(data.status());
    }
    subscribers.add(subscriber);
    fieldValues.apply(subscriber, data.attributes());
    return subscriber;
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public Subscriber update(TenantKey tenant, long id, SubscriberData data) {
    Subscriber subscriber = get(tenant, id);
    EmailAddress email = EmailAddress.of(data.email());
    if (!email.equals(subscriber.getEmail())) {
      subscribers
          .findByEmail(email)
          .ifPresent(
              other -> {
                throw new DuplicateSubscriberException(email);
              });
      if (suppressionList.contains(email)
          && lists.subscriptionsOf(id).stream()
              .map(Subscription::getStatus)
              .anyMatch(
                  status ->
                      status == SubscriptionStatus.SUBSCRIBED
                          || status == SubscriptionStatus.PENDING)) {
        // the subscriber's lists would carry an erased address: as adding it to a list would
        throw new SuppressedAddressException();
      }
      subscriber.changeEmail(email);
    }
    subscriber.rename(
        data.firstName() == null ? subscriber.getFirstName() : data.firstName(),
        data.lastName() == null ? subscriber.getLastName() : data.lastName());
    if (data.status() != null) {
      subscriber.changeStatus(data.status());
    }
    fieldValues.apply(subscriber, data.attributes());
    return subscriber;
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public void delete(TenantKey tenant, long id) {
    subscribers.remove(get(tenant, id));
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public SubscriberDetail detail(TenantKey tenant, long id) {
    Subscriber subscriber = get(tenant, id);
    return new SubscriberDetail(
        subscriber, fields.valuesOf(id), lists.subscriptionsOf(id), consentLog.history(id));
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public List<TrackingEvent> trackingEvents(TenantKey tenant, long id) {
    return tracking.eventsOf(get(tenant, id).getId());
  }

  @Override
  @Audited
  @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.TENANT_ADMIN})
  public void erase(TenantKey tenant, long id) {
    Subscriber subscriber = get(tenant, id);
    suppressionList.add(subscriber.getEmail(), SuppressionReason.ERASED);
    imports.forgetAddress(subscriber.getEmail());
    subscribers.remove(subscriber);
  }
}
