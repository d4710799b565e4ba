package de.rundbrief.domain.subscriber;

import jakarta.ejb.ApplicationException;

/** The tenant has a subscriber with this e-mail address already. */
@ApplicationException(rollback = true)
public class DuplicateSubscriberException extends RuntimeException {

  public DuplicateSubscriberException(EmailAddress email) {
    super("A subscriber with the e-mail address " + email + " exists already");
  }
}
