package de.rundbrief.domain.tenant;

import de.rundbrief.domain.NotFoundException;
import jakarta.ejb.ApplicationException;

/**
 * The tenant does not exist, or the caller may not see it: both answer the same, so that nobody
 * learns which tenants exist.
 */
@ApplicationException(rollback = true)
public class TenantNotFoundException extends NotFoundException {

  public TenantNotFoundException(String key) {
    super("No tenant '" + key + "'");
  }
}
