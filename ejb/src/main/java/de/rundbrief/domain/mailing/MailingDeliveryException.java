package de.rundbrief.domain.mailing;

import jakarta.ejb.ApplicationException;

/** The mail server could not be reached or refused a test send; the message has its reply. */
@ApplicationException(rollback = true)
public class MailingDeliveryException extends RuntimeException {

  public MailingDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
