package de.rundbrief.domain.setting;

/** Where an effective value comes from. */
public enum SettingSource {
  /** Rundbrief's built-in default or the server's configuration. */
  DEFAULT,
  /** The value central administrators set for all tenants. */
  GLOBAL,
  /** The tenant's own value. */
  TENANT
}
