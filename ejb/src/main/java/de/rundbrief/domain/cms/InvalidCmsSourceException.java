package de.rundbrief.domain.cms;

import jakarta.ejb.ApplicationException;

/** A CMS source cannot be saved as it is; the message says what to change. */
@ApplicationException(rollback = true)
public class InvalidCmsSourceException extends IllegalArgumentException {

  public InvalidCmsSourceException(String message) {
    super(message);
  }
}
