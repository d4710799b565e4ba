package de.rundbrief.domain.mailinglist;

import java.util.List;
import java.util.Optional;

/** The lists and subscriptions of the tenant the current call works in. */
public interface MailingListRepository {

  Optional<MailingList> findByName(String name);

  void add(MailingList list);

  void add(Subscription subscription);

  /** Every list of the tenant by name, with its number of subscribed members. */
  List<ListSummary> summaries();

  /** One list with its number of subscribed members. */
  Optional<ListSummary> summary(long id);
}
