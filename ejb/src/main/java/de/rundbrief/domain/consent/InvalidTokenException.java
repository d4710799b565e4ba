package de.rundbrief.domain.consent;

import jakarta.ejb.ApplicationException;

/** A link whose token was forged, altered, cut short or has expired. */
@ApplicationException(rollback = true)
public class InvalidTokenException extends RuntimeException {

  private final boolean expired;

  public InvalidTokenException(boolean expired) {
    super(expired ? "The link has expired" : "The link is not valid");
    this.expired = expired;
  }

  /** Whether the token was genuine but too old, as opposed to forged or damaged. */
  public boolean isExpired() {
    return expired;
  }
}
