package de.rundbrief.domain.mailinglist;

/** Where a subscription stands; only {@link #SUBSCRIBED} receives newsletters. */
public enum SubscriptionStatus {
  PENDING,
  SUBSCRIBED,
  UNSUBSCRIBED,
  BOUNCED
}
