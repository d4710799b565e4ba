package de.rundbrief.domain.mailing;

import jakarta.ejb.ApplicationException;

/**
 * The mailing cannot be saved or sent as it is: an unknown placeholder, a sender outside the
 * allowed domains, no recipients. The message says what to change.
 */
@ApplicationException(rollback = true)
public class InvalidMailingException extends IllegalArgumentException {

  public InvalidMailingException(String message) {
    super(message);
  }
}
