package de.rundbrief.domain.setting;

import jakarta.ejb.ApplicationException;

/**
 * A tenant's own value for a setting that only central administrators set, or that they do not
 * (currently) let tenants override.
 */
@ApplicationException(rollback = true)
public class SettingNotOverridableException extends RuntimeException {

  private final SettingKey key;

  public SettingNotOverridableException(SettingKey key) {
    super(
        key.isGlobalOnly()
            ? key.name() + " is set by central administrators only"
            : key.name() + " may not be set per tenant at the moment");
    this.key = key;
  }

  public SettingKey getKey() {
    return key;
  }
}
