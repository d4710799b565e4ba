package de.rundbrief.application;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.subscriber.SubscriberFilter;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tracking.TrackingEvent;
import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** A tenant's subscribers, and the cross-tenant list for central staff. */
@Local
public interface SubscriberService {

  Page<Subscriber> search(
      @NotNull TenantKey tenant, @NotNull SubscriberFilter filter, @NotNull PageRequest page);

  /** Every tenant's subscribers, each with its tenant; central staff only. */
  Page<Subscriber> searchAcrossTenants(@NotNull SubscriberFilter filter, @NotNull PageRequest page);

  /**
   * @throws de.rundbrief.domain.subscriber.SubscriberNotFoundException if the tenant has no such
   *     subscriber
   */
  Subscriber get(@NotNull TenantKey tenant, long id);

  /**
   * @throws de.rundbrief.domain.subscriber.DuplicateSubscriberException if the address is taken
   */
  Subscriber create(@NotNull TenantKey tenant, @NotNull @Valid SubscriberData data);

  Subscriber update(@NotNull TenantKey tenant, long id, @NotNull @Valid SubscriberData data);

  void delete(@NotNull TenantKey tenant, long id);

  /**
   * A subscriber with its subscriptions and consent history.
   *
   * @throws de.rundbrief.domain.subscriber.SubscriberNotFoundException if the tenant has no such
   *     subscriber
   */
  SubscriberDetail detail(@NotNull TenantKey tenant, long id);

  /**
   * The subscriber's opens and clicks, newest first, at most {@link
   * de.rundbrief.domain.tracking.TrackingStatistics#EVENTS_OF_ONE}.
   *
   * @throws de.rundbrief.domain.subscriber.SubscriberNotFoundException if the tenant has no such
   *     subscriber
   */
  List<TrackingEvent> trackingEvents(@NotNull TenantKey tenant, long id);

  /**
   * Erases a subscriber on request (GDPR Art. 17): its data, subscriptions and consent events are
   * deleted; a keyed hash of its address goes on the tenant's suppression list so that no import
   * mails it again; the erasure itself is recorded in the audit log, without the address.
   */
  void erase(@NotNull TenantKey tenant, long id);
}
