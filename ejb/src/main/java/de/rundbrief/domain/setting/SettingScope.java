package de.rundbrief.domain.setting;

/** Who may set a setting. */
public enum SettingScope {
  /** Only central administrators, for all tenants (the shared infrastructure). */
  GLOBAL_ONLY,
  /**
   * Central administrators set the global value and may allow tenant administrators to set a
   * tenant's own value.
   */
  TENANT_OVERRIDABLE
}
