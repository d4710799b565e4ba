package de.rundbrief.domain.consent;

import java.time.Duration;

/** What a link in a mail lets its holder do. */
public enum TokenPurpose {
  /** Confirm one pending subscription; expires, because a confirmation is asked for now. */
  CONFIRM(Duration.ofDays(7)),
  /**
   * Leave one list, or manage all of the subscriber's lists in the tenant. Never expires: every
   * newsletter ever sent must still let its reader leave.
   */
  UNSUBSCRIBE(null),
  /**
   * Handed out with a subscription form and sent back with it: proves when the form was fetched, so
   * that a form sent back within seconds (a bot) or a day later (a replay) is refused.
   */
  FORM(Duration.ofHours(24));

  private final Duration validity;

  TokenPurpose(Duration validity) {
    this.validity = validity;
  }

  /** How long a new token stays valid; {@code null} for ever. */
  public Duration validity() {
    return validity;
  }
}
