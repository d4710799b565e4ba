package de.rundbrief.domain.tenant;

/** Whether a tenant's staff may sign in and act. A deactivated tenant keeps all its data. */
public enum TenantStatus {
  ACTIVE,
  DEACTIVATED
}
