package de.rundbrief.domain.mailinglist;

/** How a new subscription becomes active. */
public enum OptInMode {
  /** Only after the subscriber confirms by e-mail. */
  DOUBLE,
  /** At once. */
  SINGLE
}
