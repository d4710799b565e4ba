package de.rundbrief.domain.audit;

import de.rundbrief.domain.tenant.TenantKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** One recorded action. Entries are never changed. */
@Entity
@Table(name = "AUDIT_ENTRY")
@SequenceGenerator(name = "audit_entry_seq", sequenceName = "AUDIT_ENTRY_SEQ", allocationSize = 50)
public class AuditEntry implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int DETAIL_MAX_LENGTH = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
  @Column(name = "ID")
  private Long id;

  @Column(name = "OCCURRED_AT", nullable = false)
  /** Stored with its offset (UTC); EclipseLink 4.0 binds {@code Instant} as a blob. */
  private OffsetDateTime occurredAt;

  @Column(name = "ACTOR", nullable = false, length = 100)
  private String actor;

  @Column(name = "TENANT_KEY", length = 32)
  private String tenantKey;

  @Column(name = "ACTION", nullable = false, length = 64)
  private String action;

  @Column(name = "DETAIL", length = DETAIL_MAX_LENGTH)
  private String detail;

  protected AuditEntry() {}

  /**
   * @param tenant the tenant acted in, or {@code null} for an action across all tenants
   */
  public AuditEntry(
      Instant occurredAt, String actor, TenantKey tenant, String action, String detail) {
    this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").atOffset(ZoneOffset.UTC);
    this.actor = Objects.requireNonNull(actor, "actor");
    this.tenantKey = tenant == null ? null : tenant.value();
    this.action = Objects.requireNonNull(action, "action");
    this.detail =
        detail == null || detail.length() <= DETAIL_MAX_LENGTH
            ? detail
            : detail.substring(0, DETAIL_MAX_LENGTH);
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt.toInstant();
  }

  public String getActor() {
    return actor;
  }

  /** The tenant acted in; {@code null} for actions across all tenants. */
  public TenantKey getTenant() {
    return tenantKey == null ? null : TenantKey.of(tenantKey);
  }

  public String getAction() {
    return action;
  }

  public String getDetail() {
    return detail;
  }
}
