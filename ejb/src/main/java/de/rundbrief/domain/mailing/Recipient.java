package de.rundbrief.domain.mailing;

import de.rundbrief.domain.tenant.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One subscriber of one mailing, with its sending state. The rows are fixed when sending starts and
 * changed only by the sending engine (in set-based SQL); here they are read.
 */
@Entity
@Table(name = "MAILING_RECIPIENT")
@IdClass(Recipient.Key.class)
public class Recipient extends TenantOwnedEntity {

  /** The reason of a recipient skipped because staff cancelled the mailing. */
  public static final String CANCELLED = "The mailing was cancelled";

  /** The key inside a tenant. */
  public record Key(long mailingId, long subscriberId) implements Serializable {

    /** For JPA; EclipseLink reads the components through these names. */
    public Key() {
      this(0, 0);
    }
  }

  @Id
  @Column(name = "MAILING_ID")
  private long mailingId;

  @Id
  @Column(name = "SUBSCRIBER_ID")
  private long subscriberId;

  @Column(name = "EMAIL", nullable = false, length = 254)
  private String email;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATE", nullable = false, length = 16)
  private RecipientState state;

  @Column(name = "ATTEMPTS", nullable = false)
  private int attempts;

  @Column(name = "NEXT_ATTEMPT_AT")
  private OffsetDateTime nextAttemptAt;

  @Column(name = "REASON", length = 1000)
  private String reason;

  @Column(name = "SENT_AT")
  private OffsetDateTime sentAt;

  protected Recipient() {}

  public long getMailingId() {
    return mailingId;
  }

  public long getSubscriberId() {
    return subscriberId;
  }

  public String getEmail() {
    return email;
  }

  public RecipientState getState() {
    return state;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt == null ? null : nextAttemptAt.toInstant();
  }

  /** Why it failed or was skipped, with the mail server's reply where there was one. */
  public String getReason() {
    return reason;
  }

  public Instant getSentAt() {
    return sentAt == null ? null : sentAt.toInstant();
  }
}
