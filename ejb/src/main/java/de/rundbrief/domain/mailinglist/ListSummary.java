package de.rundbrief.domain.mailinglist;

import java.io.Serializable;

/**
 * A list with the number of its subscribed members; lists without any appear with 0.
 *
 * @param subscribed subscriptions in status {@link SubscriptionStatus#SUBSCRIBED}
 */
public record ListSummary(MailingList list, long subscribed) implements Serializable {

  public MailingList getList() {
    return list;
  }

  public long getSubscribed() {
    return subscribed;
  }
}
