package de.rundbrief.domain.setting;

import de.rundbrief.domain.tenant.TenantKey;

/**
 * Reads effective settings. Implementations cache and see a change made on any instance within a
 * short time, without a restart; they check no roles (callers are services that already did, or
 * background jobs).
 */
public interface Settings {

  /** The values for all tenants: built-in defaults overlaid by central administrators' values. */
  EffectiveSettings global();

  /**
   * The values one tenant works with: {@link #global()} overlaid by the tenant's allowed values.
   */
  EffectiveSettings of(TenantKey tenant);
}
