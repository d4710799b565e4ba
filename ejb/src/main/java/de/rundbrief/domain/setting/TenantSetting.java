package de.rundbrief.domain.setting;

import de.rundbrief.domain.tenant.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A tenant's own value of one setting. It counts only while central administrators allow tenants to
 * override the key; when they stop, the value is kept but the global one counts again.
 */
@Entity
@Table(name = "TENANT_SETTING")
@SequenceGenerator(
    name = "tenant_setting_seq",
    sequenceName = "TENANT_SETTING_SEQ",
    allocationSize = 50)
public class TenantSetting extends TenantOwnedEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tenant_setting_seq")
  @Column(name = "ID")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "SETTING_KEY", nullable = false, length = 64)
  private SettingKey key;

  @Column(name = "SETTING_VALUE", nullable = false, length = SettingValues.MAX_LENGTH)
  private String value;

  @Column(name = "UPDATED_AT", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "UPDATED_BY", nullable = false, length = 100)
  private String updatedBy;

  @Version
  @Column(name = "VERSION")
  private long version;

  protected TenantSetting() {}

  /**
   * @throws SettingNotOverridableException for a key only central administrators may set
   */
  public TenantSetting(SettingKey key, String value, String by, Instant at) {
    if (Objects.requireNonNull(key, "key").isGlobalOnly()) {
      throw new SettingNotOverridableException(key);
    }
    this.key = key;
    change(value, by, at);
  }

  /**
   * @param newValue the checked value, not blank
   */
  public void change(String newValue, String by, Instant at) {
    if (newValue == null || newValue.isBlank()) {
      throw new IllegalArgumentException("A tenant's setting needs a value; remove it instead");
    }
    this.value = newValue;
    this.updatedBy = Objects.requireNonNull(by, "by");
    this.updatedAt = Objects.requireNonNull(at, "at").atOffset(ZoneOffset.UTC);
  }

  public Long getId() {
    return id;
  }

  public SettingKey getKey() {
    return key;
  }

  public String getValue() {
    return value;
  }

  public Instant getUpdatedAt() {
    return updatedAt.toInstant();
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
