package de.rundbrief.domain.consent;

import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.tenant.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One piece of consent proof: who did what for which list, when, from which address and source, and
 * for a request the exact consent text shown. Recorded once, never changed; it goes only with its
 * subscriber when that subscriber is erased.
 */
@Entity
@Table(name = "CONSENT_EVENT")
@SequenceGenerator(
    name = "consent_event_seq",
    sequenceName = "CONSENT_EVENT_SEQ",
    allocationSize = 50)
public class ConsentEvent extends TenantOwnedEntity {

  public static final int DETAIL_MAX_LENGTH = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_event_seq")
  @Column(name = "ID")
  private Long id;

  // A relationship, not a plain id, so that EclipseLink writes a new subscriber before its events.
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "SUBSCRIBER_ID", nullable = false, updatable = false)
  private Subscriber subscriber;

  @Column(name = "MAILING_LIST_ID", updatable = false)
  private Long mailingListId;

  /** The list's name at the time, so that the proof reads the same after a rename. */
  @Column(name = "LIST_NAME", nullable = false, updatable = false, length = 200)
  private String listName;

  @Enumerated(EnumType.STRING)
  @Column(name = "EVENT_TYPE", nullable = false, updatable = false, length = 24)
  private ConsentEventType type;

  @Enumerated(EnumType.STRING)
  @Column(name = "SOURCE", nullable = false, updatable = false, length = 24)
  private ConsentSource source;

  @Column(name = "OCCURRED_AT", nullable = false, updatable = false)
  private OffsetDateTime occurredAt;

  @Column(name = "IP_ADDRESS", updatable = false, length = 45)
  private String ipAddress;

  @Column(name = "CONSENT_TEXT_VERSION", updatable = false)
  private Integer consentTextVersion;

  @Column(name = "CONSENT_TEXT", updatable = false, length = 4000)
  private String consentText;

  /**
   * The mailing whose unsubscribe link or complaint this was, for its statistics; no foreign key,
   * so that the proof outlives the mailing.
   */
  @Column(name = "MAILING_ID", updatable = false)
  private Long mailingId;

  /** The legal basis staff or an import stated, or the staff member who acted. */
  @Column(name = "DETAIL", updatable = false, length = DETAIL_MAX_LENGTH)
  private String detail;

  protected ConsentEvent() {}

  private ConsentEvent(
      Subscription subscription,
      ConsentEventType type,
      ConsentSource source,
      Instant at,
      String ipAddress) {
    Objects.requireNonNull(subscription, "subscription");
    this.subscriber = Objects.requireNonNull(subscription.getSubscriber(), "subscriber");
    this.mailingListId = subscription.getMailingList().getId();
    this.listName = subscription.getMailingList().getName();
    this.type = Objects.requireNonNull(type, "type");
    this.source = Objects.requireNonNull(source, "source");
    this.occurredAt = Objects.requireNonNull(at, "at").atOffset(ZoneOffset.UTC);
    this.ipAddress = ipAddress;
  }

  /**
   * The subscriber asked to join through a form, shown the list's current consent text, or joined a
   * single opt-in list that way.
   */
  public static ConsentEvent requested(
      Subscription subscription, ConsentSource source, Instant at, String ipAddress) {
    ConsentEventType type =
        subscription.receivesNewsletters()
            ? ConsentEventType.SUBSCRIBED
            : ConsentEventType.REQUESTED;
    ConsentEvent event = new ConsentEvent(subscription, type, source, at, ipAddress);
    event.consentTextVersion = subscription.getMailingList().getConsentTextVersion();
    event.consentText = subscription.getMailingList().getConsentText();
    return event;
  }

  public static ConsentEvent confirmed(Subscription subscription, Instant at, String ipAddress) {
    return new ConsentEvent(
        subscription, ConsentEventType.CONFIRMED, ConsentSource.CONFIRMATION_LINK, at, ipAddress);
  }

  public static ConsentEvent unsubscribed(
      Subscription subscription, ConsentSource source, Instant at, String ipAddress) {
    return unsubscribed(subscription, source, at, ipAddress, null);
  }

  /** The subscriber left the list, through a link of the mailing given ({@code null} for none). */
  public static ConsentEvent unsubscribed(
      Subscription subscription,
      ConsentSource source,
      Instant at,
      String ipAddress,
      Long mailingId) {
    ConsentEvent event =
        new ConsentEvent(subscription, ConsentEventType.UNSUBSCRIBED, source, at, ipAddress);
    event.mailingId = mailingId;
    return event;
  }

  /** Staff or an import subscribed someone without a confirmation mail, on a stated legal basis. */
  public static ConsentEvent subscribedOnLegalBasis(
      Subscription subscription, ConsentSource source, Instant at, String legalBasis) {
    if (legalBasis == null || legalBasis.isBlank()) {
      throw new IllegalArgumentException("Subscribing without confirmation needs a legal basis");
    }
    ConsentEvent event =
        new ConsentEvent(subscription, ConsentEventType.SUBSCRIBED, source, at, null);
    String basis = legalBasis.strip();
    event.detail =
        basis.length() > DETAIL_MAX_LENGTH ? basis.substring(0, DETAIL_MAX_LENGTH) : basis;
    return event;
  }

  public Long getId() {
    return id;
  }

  public Subscriber getSubscriber() {
    return subscriber;
  }

  public Long getMailingListId() {
    return mailingListId;
  }

  public String getListName() {
    return listName;
  }

  public ConsentEventType getType() {
    return type;
  }

  public ConsentSource getSource() {
    return source;
  }

  public Instant getOccurredAt() {
    return occurredAt.toInstant();
  }

  public String getIpAddress() {
    return ipAddress;
  }

  public Integer getConsentTextVersion() {
    return consentTextVersion;
  }

  public String getConsentText() {
    return consentText;
  }

  public String getDetail() {
    return detail;
  }

  public Long getMailingId() {
    return mailingId;
  }
}
