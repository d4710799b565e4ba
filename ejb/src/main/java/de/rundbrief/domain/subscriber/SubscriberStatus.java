package de.rundbrief.domain.subscriber;

/** Whether newsletters may reach a subscriber at all. */
public enum SubscriberStatus {
  /** May receive the newsletters of the lists it is subscribed to. */
  ACTIVE,
  /** Has left every list; kept for its history. */
  UNSUBSCRIBED,
  /** The address does not accept mail. */
  BOUNCED,
  /** Staff stopped all mail to this subscriber. */
  BLOCKED
}
