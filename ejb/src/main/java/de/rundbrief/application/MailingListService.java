package de.rundbrief.application;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.consent.ConsentEvent;
import de.rundbrief.domain.mailinglist.ListSummary;
import de.rundbrief.domain.mailinglist.MailingList;
import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A tenant's lists. */
@Local
public interface MailingListService {

  /** Every list of the tenant by name, with its number of subscribed members. */
  List<ListSummary> list(@NotNull TenantKey tenant);

  /** Every list of the tenant by name, without counting their members: for choosing one. */
  List<MailingList> all(@NotNull TenantKey tenant);

  /**
   * @throws de.rundbrief.domain.mailinglist.MailingListNotFoundException if the tenant has no such
   *     list
   */
  ListSummary get(@NotNull TenantKey tenant, long id);

  /**
   * @throws de.rundbrief.domain.mailinglist.DuplicateMailingListException if the name is taken
   * @throws de.rundbrief.domain.mailinglist.ConsentTextRequiredException for a public list without
   *     a consent text
   */
  MailingList create(@NotNull TenantKey tenant, @NotNull @Valid MailingListData data);

  /**
   * Changes a list. A changed consent text becomes a new version; consent given earlier keeps the
   * text it was given for.
   *
   * @throws de.rundbrief.domain.mailinglist.DuplicateMailingListException if the new name is taken
   * @throws de.rundbrief.domain.mailinglist.ConsentTextRequiredException if the list would be
   *     public without a consent text
   */
  MailingList update(@NotNull TenantKey tenant, long id, @NotNull @Valid MailingListData data);

  /**
   * A page of the list's members by address.
   *
   * @param status only members with this status, or all if {@code null}
   */
  Page<Subscription> members(
      @NotNull TenantKey tenant, long id, SubscriptionStatus status, @NotNull PageRequest page);

  /**
   * Staff put a subscriber on a list. With a legal basis (a signed form, a contract) the
   * subscription starts at once and the basis is kept as consent proof; without one the subscriber
   * gets a confirmation mail and stays pending until confirming.
   *
   * @throws de.rundbrief.domain.subscriber.SubscriberNotFoundException if there is no such
   *     subscriber in the tenant
   * @throws de.rundbrief.domain.consent.SuppressedAddressException if the address is on the
   *     suppression list
   */
  Subscription addMember(
      @NotNull TenantKey tenant,
      long listId,
      long subscriberId,
      @Size(max = ConsentEvent.DETAIL_MAX_LENGTH) String legalBasis);

  /** Staff take a subscriber off a list; recorded as consent event like any unsubscribe. */
  void removeMember(@NotNull TenantKey tenant, long listId, long subscriberId);
}
