package de.rundbrief.domain.mailinglist;

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
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** A subscriber's membership of one list, with its status and when it last changed. */
@Entity
@Table(name = "SUBSCRIPTION")
@SequenceGenerator(
    name = "subscription_seq",
    sequenceName = "SUBSCRIPTION_SEQ",
    allocationSize = 50)
public class Subscription extends TenantOwnedEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "subscription_seq")
  @Column(name = "ID")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "SUBSCRIBER_ID", nullable = false)
  private Subscriber subscriber;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "MAILING_LIST_ID", nullable = false)
  private MailingList mailingList;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false, length = 16)
  private SubscriptionStatus status;

  @Column(name = "STATUS_CHANGED_AT", nullable = false)
  private OffsetDateTime statusChangedAt;

  @Column(name = "CREATED_AT", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "SUBSCRIBED_AT")
  private OffsetDateTime subscribedAt;

  @Column(name = "UNSUBSCRIBED_AT")
  private OffsetDateTime unsubscribedAt;

  @Column(name = "CONFIRMATION_SENT_AT")
  private OffsetDateTime confirmationSentAt;

  @Version
  @Column(name = "VERSION")
  private long version;

  protected Subscription() {}

  /**
   * A new subscription: pending for a double opt-in list (or wherever {@code confirmationNeeded}
   * says so), subscribed at once otherwise.
   */
  public Subscription(
      Subscriber subscriber, MailingList mailingList, boolean confirmationNeeded, Instant at) {
    this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
    this.mailingList = Objects.requireNonNull(mailingList, "mailingList");
    this.createdAt = utc(at);
    begin(confirmationNeeded, at);
  }

  /** A new subscription that follows the list's opt-in mode. */
  public Subscription(Subscriber subscriber, MailingList mailingList, Instant at) {
    this(subscriber, mailingList, mailingList.getOptInMode() == OptInMode.DOUBLE, at);
  }

  /**
   * The subscriber asks again, for instance through a form after leaving the list. A subscribed
   * member stays subscribed; a pending one stays pending and keeps the time of its last
   * confirmation mail, so that asking again and again does not mail again and again; anyone else
   * starts over.
   *
   * @return whether the request counts (false for a subscribed member)
   */
  public boolean requestAgain(boolean confirmationNeeded, Instant at) {
    if (status == SubscriptionStatus.SUBSCRIBED) {
      return false;
    }
    if (status != SubscriptionStatus.PENDING || !confirmationNeeded) {
      begin(confirmationNeeded, at);
    }
    return true;
  }

  /**
   * The subscriber confirmed through the link in the confirmation mail. Only a pending subscription
   * turns into a subscribed one: a second click, or a click after leaving the list, changes
   * nothing.
   *
   * @return whether the subscription was confirmed now
   */
  public boolean confirm(Instant at) {
    if (status != SubscriptionStatus.PENDING) {
      return false;
    }
    changeTo(SubscriptionStatus.SUBSCRIBED, at);
    this.subscribedAt = utc(at);
    return true;
  }

  /**
   * The subscriber leaves the list, or a pending request is withdrawn.
   *
   * @return whether the subscription ended now
   */
  public boolean unsubscribe(Instant at) {
    if (status == SubscriptionStatus.UNSUBSCRIBED) {
      return false;
    }
    changeTo(SubscriptionStatus.UNSUBSCRIBED, at);
    this.unsubscribedAt = utc(at);
    return true;
  }

  /** Whether a confirmation mail may go out now: pending, and none sent in the last while. */
  public boolean awaitsConfirmationMail(Instant now, Duration resendAfter) {
    return status == SubscriptionStatus.PENDING
        && (confirmationSentAt == null
            || !confirmationSentAt.toInstant().plus(resendAfter).isAfter(now));
  }

  public void confirmationMailSent(Instant at) {
    this.confirmationSentAt = utc(at);
  }

  /** Only a confirmed subscription receives newsletters. */
  public boolean receivesNewsletters() {
    return status == SubscriptionStatus.SUBSCRIBED;
  }

  private void begin(boolean confirmationNeeded, Instant at) {
    if (confirmationNeeded) {
      changeTo(SubscriptionStatus.PENDING, at);
      this.confirmationSentAt = null;
    } else {
      changeTo(SubscriptionStatus.SUBSCRIBED, at);
      this.subscribedAt = utc(at);
    }
    this.unsubscribedAt = null;
  }

  private void changeTo(SubscriptionStatus newStatus, Instant at) {
    this.status = newStatus;
    this.statusChangedAt = utc(at);
  }

  private static OffsetDateTime utc(Instant at) {
    return Objects.requireNonNull(at, "at").atOffset(ZoneOffset.UTC);
  }

  public Long getId() {
    return id;
  }

  public Subscriber getSubscriber() {
    return subscriber;
  }

  public MailingList getMailingList() {
    return mailingList;
  }

  public SubscriptionStatus getStatus() {
    return status;
  }

  public Instant getStatusChangedAt() {
    return statusChangedAt.toInstant();
  }

  public Instant getCreatedAt() {
    return createdAt.toInstant();
  }

  /** When it was last confirmed or subscribed; {@code null} if never. */
  public Instant getSubscribedAt() {
    return subscribedAt == null ? null : subscribedAt.toInstant();
  }

  /** When it was left; {@code null} unless unsubscribed. */
  public Instant getUnsubscribedAt() {
    return unsubscribedAt == null ? null : unsubscribedAt.toInstant();
  }
}
