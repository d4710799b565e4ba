package de.rundbrief.domain.mailinglist;

import de.rundbrief.domain.NotFoundException;
import jakarta.ejb.ApplicationException;

/** No list with this id in the current tenant (whether or not another tenant has one). */
@ApplicationException(rollback = true)
public class MailingListNotFoundException extends NotFoundException {

  public MailingListNotFoundException(long id) {
    super("No list " + id);
  }
}
