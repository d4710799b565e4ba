package de.rundbrief.application;

import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.SettingScope;
import de.rundbrief.domain.setting.SettingSource;
import de.rundbrief.domain.setting.SettingType;
import java.io.Serializable;
import java.time.Instant;

/**
 * One setting as the settings screens and the API show it: the value that counts and where it comes
 * from, next to the values of both levels.
 */
public final class SettingView implements Serializable {

  private static final long serialVersionUID = 1L;

  private final SettingKey key;
  private final String effectiveValue;
  private final SettingSource source;
  private final String defaultValue;
  private final String globalValue;
  private final boolean tenantMayOverride;
  private final String tenantValue;
  private final Instant updatedAt;
  private final String updatedBy;

  /**
   * @param defaultValue the built-in default or the server's configuration
   * @param globalValue central administrators' value; {@code null} where none is set
   * @param tenantValue the tenant's own value, {@code null} where none is set or for the global
   *     view; it may be stored and yet not count, when tenants may not override the key
   * @param updatedAt when the value shown at its level last changed; {@code null} if never
   * @param updatedBy who changed it
   */
  public SettingView(
      SettingKey key,
      String effectiveValue,
      SettingSource source,
      String defaultValue,
      String globalValue,
      boolean tenantMayOverride,
      String tenantValue,
      Instant updatedAt,
      String updatedBy) {
    this.key = key;
    this.effectiveValue = effectiveValue;
    this.source = source;
    this.defaultValue = defaultValue;
    this.globalValue = globalValue;
    this.tenantMayOverride = tenantMayOverride;
    this.tenantValue = tenantValue;
    this.updatedAt = updatedAt;
    this.updatedBy = updatedBy;
  }

  public SettingKey getKey() {
    return key;
  }

  public SettingType getType() {
    return key.type();
  }

  public SettingScope getScope() {
    return key.scope();
  }

  public boolean isGlobalOnly() {
    return key.isGlobalOnly();
  }

  public String getEffectiveValue() {
    return effectiveValue;
  }

  public SettingSource getSource() {
    return source;
  }

  public String getDefaultValue() {
    return defaultValue;
  }

  public String getGlobalValue() {
    return globalValue;
  }

  public boolean isTenantMayOverride() {
    return tenantMayOverride;
  }

  /** Whether a tenant's administrator may set a value of its own now. */
  public boolean isTenantEditable() {
    return tenantMayOverride && !key.isGlobalOnly();
  }

  public String getTenantValue() {
    return tenantValue;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
