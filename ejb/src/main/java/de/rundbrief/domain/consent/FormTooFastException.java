package de.rundbrief.domain.consent;

import jakarta.ejb.ApplicationException;

/** A subscription form came back sooner than a person can fill it in. */
@ApplicationException(rollback = true)
public class FormTooFastException extends RuntimeException {

  public FormTooFastException() {
    super("The form was sent back too quickly");
  }
}
