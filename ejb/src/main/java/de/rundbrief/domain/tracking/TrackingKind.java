package de.rundbrief.domain.tracking;

/** What a tracking event records: a mail opened (its pixel loaded) or a link in it followed. */
public enum TrackingKind {
  OPEN,
  CLICK
}
