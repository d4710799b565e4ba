package de.rundbrief.domain.tenant;

/**
 * A value that names the tenant a call works in, such as a verified link token; the tenant guard
 * takes the tenant from it as it does from a {@link TenantKey} argument.
 */
public interface TenantScoped {

  TenantKey tenant();
}
