package de.rundbrief.domain.mailinglist;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import java.util.List;
import java.util.Optional;

/** The lists and subscriptions of the tenant the current call works in. */
public interface MailingListRepository {

  Optional<MailingList> find(long id);

  /** Every list of the tenant by name, without counting members (for choosing one). */
  List<MailingList> all();

  Optional<MailingList> findByName(String name);

  Optional<Subscription> findSubscription(long subscriberId, long listId);

  /** A subscriber's subscriptions with their lists, by list name. */
  List<Subscription> subscriptionsOf(long subscriberId);

  void add(MailingList list);

  void add(Subscription subscription);

  /**
   * A page of a list's members by address, with their subscribers; one count query and one page
   * query.
   *
   * @param status only members with this status, or all if {@code null}
   */
  Page<Subscription> members(long listId, SubscriptionStatus status, PageRequest page);

  /** Every list of the tenant by name, with its number of subscribed members. */
  List<ListSummary> summaries();

  /** One list with its number of subscribed members. */
  Optional<ListSummary> summary(long id);
}
