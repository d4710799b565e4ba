package de.rundbrief.web.api;

import de.rundbrief.application.TenantService;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tenant.TenantNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Resolves the {@code {tenant}} of a path as the caller sees it, so that a foreign, unknown or
 * malformed tenant answers 404 before anything else is looked at.
 */
@ApplicationScoped
public class TenantPaths {

  @Inject private TenantService tenants;

  public TenantKey visible(String tenantKey) {
    if (!TenantKey.isValid(tenantKey)) {
      throw new TenantNotFoundException(tenantKey);
    }
    return tenants.get(TenantKey.of(tenantKey)).getKey();
  }
}
