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

  @Version
  @Column(name = "VERSION")
  private long version;

  protected Subscription() {}

  /** A new subscription: pending for a double opt-in list, subscribed at once otherwise. */
  public Subscription(Subscriber subscriber, MailingList mailingList, Instant at) {
    this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
    this.mailingList = Objects.requireNonNull(mailingList, "mailingList");
    this.createdAt = Objects.requireNonNull(at, "at").atOffset(ZoneOffset.UTC);
    this.statusChangedAt = createdAt;
    this.status =
        mailingList.getOptInMode() == OptInMode.DOUBLE
            ? SubscriptionStatus.PENDING
            : SubscriptionStatus.SUBSCRIBED;
  }

  public void confirm(Instant at) {
    changeTo(SubscriptionStatus.SUBSCRIBED, at);
  }

  public void unsubscribe(Instant at) {
    changeTo(SubscriptionStatus.UNSUBSCRIBED, at);
  }

  private void changeTo(SubscriptionStatus newStatus, Instant at) {
    this.status = newStatus;
    this.statusChangedAt = Objects.requireNonNull(at, "at").atOffset(ZoneOffset.UTC);
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
}
