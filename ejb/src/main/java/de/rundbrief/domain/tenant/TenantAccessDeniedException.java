package de.rundbrief.domain.tenant;

import jakarta.ejb.ApplicationException;

/**
 * The caller belongs to the tenant but its role there does not allow this action (a viewer who
 * tries to change a record).
 */
@ApplicationException(rollback = true)
public class TenantAccessDeniedException extends RuntimeException {

  public TenantAccessDeniedException(TenantKey tenant, String action) {
    super("Your role in tenant '" + tenant + "' does not allow " + action);
  }
}
