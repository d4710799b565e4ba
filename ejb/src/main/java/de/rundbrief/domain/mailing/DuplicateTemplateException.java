package de.rundbrief.domain.mailing;

import jakarta.ejb.ApplicationException;

/** A template with this name exists already (in the tenant, or among the shared ones). */
@ApplicationException(rollback = true)
public class DuplicateTemplateException extends RuntimeException {

  public DuplicateTemplateException(String name) {
    super("A template named '" + name + "' exists already");
  }
}
