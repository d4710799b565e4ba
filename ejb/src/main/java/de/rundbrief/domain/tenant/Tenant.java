package de.rundbrief.domain.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A subsidiary or department with its own data set. Tenants themselves are central data: central
 * administrators create, rename and deactivate them; every tenant-owned row names one.
 */
@Entity
@Table(name = "TENANT")
public class Tenant implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int NAME_MAX_LENGTH = 200;

  @Id
  @Column(name = "TENANT_KEY", length = 32)
  private String key;

  @Column(name = "NAME", nullable = false, length = NAME_MAX_LENGTH)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false, length = 16)
  private TenantStatus status;

  @Column(name = "CREATED_AT", nullable = false)
  /** Stored with its offset (UTC); EclipseLink 4.0 binds {@code Instant} as a blob. */
  private OffsetDateTime createdAt;

  @Version
  @Column(name = "VERSION")
  private long version;

  protected Tenant() {}

  public Tenant(TenantKey key, String name, Instant createdAt) {
    this.key = Objects.requireNonNull(key, "key").value();
    this.name = checkedName(name);
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt").atOffset(ZoneOffset.UTC);
    this.status = TenantStatus.ACTIVE;
  }

  public void rename(String newName) {
    this.name = checkedName(newName);
  }

  /** Its staff can no longer sign in or act; all data is kept. */
  public void deactivate() {
    this.status = TenantStatus.DEACTIVATED;
  }

  public void reactivate() {
    this.status = TenantStatus.ACTIVE;
  }

  public boolean isActive() {
    return status == TenantStatus.ACTIVE;
  }

  public TenantKey getKey() {
    return TenantKey.of(key);
  }

  public String getName() {
    return name;
  }

  public TenantStatus getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt.toInstant();
  }

  private static String checkedName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A tenant needs a name");
    }
    String trimmed = name.strip();
    if (trimmed.length() > NAME_MAX_LENGTH) {
      throw new IllegalArgumentException(
          "A tenant name has at most " + NAME_MAX_LENGTH + " characters");
    }
    return trimmed;
  }
}
