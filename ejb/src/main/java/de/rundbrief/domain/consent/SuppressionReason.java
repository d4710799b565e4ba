package de.rundbrief.domain.consent;

/** Why an address is on the suppression list. */
public enum SuppressionReason {
  /** The subscriber was erased on request (GDPR Art. 17). */
  ERASED
}
