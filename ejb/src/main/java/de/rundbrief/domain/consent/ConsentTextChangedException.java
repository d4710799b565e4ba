package de.rundbrief.domain.consent;

import jakarta.ejb.ApplicationException;

/**
 * A form was sent with an older consent text than the list has now: the subscriber did not see what
 * they would agree to, so nothing is recorded and the form must be shown again.
 */
@ApplicationException(rollback = true)
public class ConsentTextChangedException extends RuntimeException {

  public ConsentTextChangedException(int shown, int current) {
    super("The form showed consent text version " + shown + ", the list has version " + current);
  }
}
