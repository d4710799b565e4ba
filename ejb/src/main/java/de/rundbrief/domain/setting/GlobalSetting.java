package de.rundbrief.domain.setting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Central administrators' value of one setting for all tenants, and whether tenants may set their
 * own. Central: it belongs to no tenant. Values come checked by {@link SettingValues}.
 */
@Entity
@Table(name = "GLOBAL_SETTING")
public class GlobalSetting {

  @Id
  @Enumerated(EnumType.STRING)
  @Column(name = "SETTING_KEY", length = 64)
  private SettingKey key;

  @Column(name = "SETTING_VALUE", length = SettingValues.MAX_LENGTH)
  private String value;

  @Column(name = "TENANT_MAY_OVERRIDE", nullable = false)
  private boolean tenantMayOverride;

  @Column(name = "UPDATED_AT", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "UPDATED_BY", nullable = false, length = 100)
  private String updatedBy;

  @Version
  @Column(name = "VERSION")
  private long version;

  protected GlobalSetting() {}

  /** A key central administrators have not touched yet: no value, tenants may not override. */
  public GlobalSetting(SettingKey key, String by, Instant at) {
    this.key = Objects.requireNonNull(key, "key");
    touch(by, at);
  }

  /**
   * @param newValue the checked value; {@code null} removes it, so that the built-in default counts
   */
  public void change(String newValue, String by, Instant at) {
    this.value = newValue == null || newValue.isBlank() ? null : newValue;
    touch(by, at);
  }

  /**
   * @throws SettingNotOverridableException for a key only central administrators may set
   */
  public void allowTenants(boolean allowed, String by, Instant at) {
    if (allowed && key.isGlobalOnly()) {
      throw new SettingNotOverridableException(key);
    }
    this.tenantMayOverride = allowed;
    touch(by, at);
  }

  private void touch(String by, Instant at) {
    this.updatedBy = Objects.requireNonNull(by, "by");
    this.updatedAt = Objects.requireNonNull(at, "at").atOffset(ZoneOffset.UTC);
  }

  /** Whether the row says nothing a default would not: it can go. */
  public boolean isEmpty() {
    return value == null && !tenantMayOverride;
  }

  public SettingKey getKey() {
    return key;
  }

  /** The value; {@code null} where central administrators set none. */
  public String getValue() {
    return value;
  }

  /** Whether tenants' own values count; always false for {@link SettingScope#GLOBAL_ONLY} keys. */
  public boolean isTenantMayOverride() {
    return tenantMayOverride && !key.isGlobalOnly();
  }

  public Instant getUpdatedAt() {
    return updatedAt.toInstant();
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
