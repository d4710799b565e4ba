package de.rundbrief.domain.subscriber;

import de.rundbrief.domain.tenant.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

/** One e-mail address with its data, inside one tenant. */
@Entity
@Table(name = "SUBSCRIBER")
@SequenceGenerator(name = "subscriber_seq", sequenceName = "SUBSCRIBER_SEQ", allocationSize = 50)
public class Subscriber extends TenantOwnedEntity {

  public static final int NAME_MAX_LENGTH = 100;

  /**
   * No control characters (C0 and C1, such as CR, LF, tab and NEL) and no Unicode line or paragraph
   * separators: names end up in mail headers, where a line break starts a new one.
   */
  public static final String NAME_PATTERN = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "subscriber_seq")
  @Column(name = "ID")
  private Long id;

  @Embedded private EmailAddress email;

  @Column(name = "FIRST_NAME", length = NAME_MAX_LENGTH)
  private String firstName;

  @Column(name = "LAST_NAME", length = NAME_MAX_LENGTH)
  private String lastName;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false, length = 16)
  private SubscriberStatus status;

  @Column(name = "CREATED_AT", nullable = false)
  /** Stored with its offset (UTC); EclipseLink 4.0 binds {@code Instant} as a blob. */
  private OffsetDateTime createdAt;

  @Version
  @Column(name = "VERSION")
  private long version;

  protected Subscriber() {}

  public Subscriber(EmailAddress email, String firstName, String lastName, Instant createdAt) {
    this.email = Objects.requireNonNull(email, "email");
    rename(firstName, lastName);
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt").atOffset(ZoneOffset.UTC);
    this.status = SubscriberStatus.ACTIVE;
  }

  public void changeEmail(EmailAddress newEmail) {
    this.email = Objects.requireNonNull(newEmail, "email");
  }

  /** Blank names are stored as absent. */
  public void rename(String newFirstName, String newLastName) {
    this.firstName = optionalName(newFirstName);
    this.lastName = optionalName(newLastName);
  }

  public void changeStatus(SubscriberStatus newStatus) {
    this.status = Objects.requireNonNull(newStatus, "status");
  }

  public Long getId() {
    return id;
  }

  public EmailAddress getEmail() {
    return email;
  }

  public String getFirstName() {
    return firstName;
  }

  public String getLastName() {
    return lastName;
  }

  /** First and last name as far as known; {@code null} if neither is. */
  public String getFullName() {
    String name =
        ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    return name.isEmpty() ? null : name;
  }

  public SubscriberStatus getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt.toInstant();
  }

  public long getVersion() {
    return version;
  }

  private static String optionalName(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String trimmed = name.strip();
    if (!trimmed.matches(NAME_PATTERN)) {
      throw new IllegalArgumentException("A name has no line breaks or control characters");
    }
    if (trimmed.length() > NAME_MAX_LENGTH) {
      throw new IllegalArgumentException("A name has at most " + NAME_MAX_LENGTH + " characters");
    }
    return trimmed;
  }
}
