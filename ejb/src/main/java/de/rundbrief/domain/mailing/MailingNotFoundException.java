package de.rundbrief.domain.mailing;

import de.rundbrief.domain.NotFoundException;
import jakarta.ejb.ApplicationException;

/** No mailing with this id in the current tenant (whether or not another tenant has one). */
@ApplicationException(rollback = true)
public class MailingNotFoundException extends NotFoundException {

  public MailingNotFoundException(long id) {
    super("No mailing " + id);
  }
}
