package de.rundbrief.domain.audit;

import de.rundbrief.domain.tenant.TenantKey;

/**
 * Which audit entries to show; every part is optional.
 *
 * @param tenant only entries in this tenant
 * @param actor only entries of this user
 * @param action only entries whose action starts with this text
 */
public record AuditFilter(TenantKey tenant, String actor, String action) {

  public static final AuditFilter NONE = new AuditFilter(null, null, null);
}
