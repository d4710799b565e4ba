package de.rundbrief.domain.tenant;

import jakarta.ejb.ApplicationException;

/** A tenant with this key exists already. */
@ApplicationException(rollback = true)
public class TenantAlreadyExistsException extends RuntimeException {

  public TenantAlreadyExistsException(TenantKey key) {
    super("A tenant with the key '" + key + "' exists already");
  }
}
