package de.rundbrief.domain.tenant;

import jakarta.ejb.ApplicationException;

/** A tenant key that is not a valid slug, or a reserved word. */
@ApplicationException(rollback = true)
public class InvalidTenantKeyException extends RuntimeException {

  public InvalidTenantKeyException(String value) {
    super(
        "Invalid tenant key '"
            + value
            + "': use 2 to 32 lower-case letters, digits and hyphens, starting with a letter;"
            + " 'central', 'all' and 'api' are reserved");
  }
}
