package de.rundbrief.domain.consent;

import de.rundbrief.domain.tenant.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** An entry of a tenant's suppression list: the keyed hash of an address, never the address. */
@Entity
@Table(name = "SUPPRESSED_ADDRESS")
public class SuppressedAddress extends TenantOwnedEntity {

  @Id
  @Column(name = "ADDRESS_HASH", length = 64)
  private String addressHash;

  @Enumerated(EnumType.STRING)
  @Column(name = "REASON", nullable = false, length = 24)
  private SuppressionReason reason;

  @Column(name = "SUPPRESSED_AT", nullable = false)
  private OffsetDateTime suppressedAt;

  protected SuppressedAddress() {}

  public SuppressedAddress(String addressHash, SuppressionReason reason, Instant at) {
    this.addressHash = Objects.requireNonNull(addressHash, "addressHash");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.suppressedAt = Objects.requireNonNull(at, "at").atOffset(ZoneOffset.UTC);
  }

  public String getAddressHash() {
    return addressHash;
  }

  public SuppressionReason getReason() {
    return reason;
  }

  public Instant getSuppressedAt() {
    return suppressedAt.toInstant();
  }
}
