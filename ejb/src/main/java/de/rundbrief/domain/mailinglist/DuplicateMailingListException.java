package de.rundbrief.domain.mailinglist;

import jakarta.ejb.ApplicationException;

/** The tenant has a list with this name already. */
@ApplicationException(rollback = true)
public class DuplicateMailingListException extends RuntimeException {

  public DuplicateMailingListException(String name) {
    super("A list named '" + name + "' exists already");
  }
}
