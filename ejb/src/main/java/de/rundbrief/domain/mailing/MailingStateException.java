package de.rundbrief.domain.mailing;

import jakarta.ejb.ApplicationException;

/** The mailing's state does not allow the step (changing a sent mailing, pausing a draft). */
@ApplicationException(rollback = true)
public class MailingStateException extends RuntimeException {

  private final MailingStatus status;

  public MailingStateException(MailingStatus status, String step) {
    super("A mailing that is " + status.name().toLowerCase() + " cannot be " + step);
    this.status = status;
  }

  public MailingStatus status() {
    return status;
  }
}
