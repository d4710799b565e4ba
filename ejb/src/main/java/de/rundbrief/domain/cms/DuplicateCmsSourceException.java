package de.rundbrief.domain.cms;

import jakarta.ejb.ApplicationException;

/** Another CMS source already has this name. */
@ApplicationException(rollback = true)
public class DuplicateCmsSourceException extends RuntimeException {

  public DuplicateCmsSourceException(String name) {
    super("A CMS source named \"" + name + "\" exists already");
  }
}
