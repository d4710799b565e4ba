package de.rundbrief.domain.subscriber;

import jakarta.ejb.ApplicationException;

/** Text that is not an e-mail address. */
@ApplicationException(rollback = true)
public class InvalidEmailAddressException extends RuntimeException {

  public InvalidEmailAddressException(String text) {
    super("'" + text + "' is not a valid e-mail address");
  }
}
