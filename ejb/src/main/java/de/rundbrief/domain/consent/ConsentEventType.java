package de.rundbrief.domain.consent;

/** What happened to a subscriber's consent for one list. */
public enum ConsentEventType {
  /** Asked to join a double opt-in list; a confirmation mail goes out. */
  REQUESTED,
  /** Confirmed through the link in the confirmation mail. */
  CONFIRMED,
  /** Joined without a confirmation mail: a single opt-in list, or staff with a legal basis. */
  SUBSCRIBED,
  /** Left the list. */
  UNSUBSCRIBED
}
