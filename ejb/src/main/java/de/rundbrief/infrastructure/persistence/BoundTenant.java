package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.tenant.Tenancy;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.persistence.EntityManager;

/**
 * The tenant the tenant guard bound the tenant-bound unit to, for what EclipseLink does not add the
 * tenant criterion to itself: native SQL, bulk deletes (bug #1333), keyed hashes.
 */
final class BoundTenant {

  private BoundTenant() {}

  /**
   * @throws IllegalStateException outside a call bound to a tenant
   */
  static TenantKey of(EntityManager em, String what) {
    Object tenant = em.getProperties().get(Tenancy.TENANT_PROPERTY);
    if (tenant == null) {
      throw new IllegalStateException(what + " inside a tenant only");
    }
    return TenantKey.of(tenant.toString());
  }
}
