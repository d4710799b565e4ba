package de.rundbrief.domain.tracking;

/** How a tenant tracks its mailings: the setting {@code TRACKING}. */
public enum TrackingMode {
  /** Opens and clicks per recipient. */
  PERSONAL,
  /** Opens and clicks counted, linked to nobody. */
  ANONYMOUS,
  /** No tracking: mails carry no tracked links and no pixel. */
  OFF
}
