package de.rundbrief.infrastructure.tenancy;

import de.rundbrief.domain.tenant.TenantKey;

/**
 * New transactions for background work that has no signed-in caller (imports, sending, retention):
 * each bound on both walls to the one tenant the work belongs to, or, for sweeps over every
 * tenant's rows, to all tenants. {@link ContainerTenantTransactions} is the container's; tests run
 * the same engines on plain JDBC transactions.
 */
public interface TenantTransactions {

  <T> T inTenant(TenantKey tenant, TenantWork<T> work);

  /** Bound to every tenant; {@code null} if there are none yet. */
  <T> T acrossTenants(TenantWork<T> work);
}
