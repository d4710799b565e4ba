package de.rundbrief.web.api;

import de.rundbrief.application.SubscriberDetail;
import de.rundbrief.domain.Page;
import de.rundbrief.domain.consent.ConsentEvent;
import de.rundbrief.domain.consent.ConsentEventType;
import de.rundbrief.domain.consent.ConsentSource;
import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.subscriber.SubscriberStatus;
import de.rundbrief.domain.tenant.Tenant;
import de.rundbrief.domain.tenant.TenantKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of API v1. */
public final class Json {

  private Json() {}

  public record TenantJson(String key, String name, String status) {
    static TenantJson of(Tenant tenant) {
      return new TenantJson(
          tenant.getKey().value(), tenant.getName(), tenant.getStatus().name().toLowerCase());
    }
  }

  public record SubscriberJson(
      Long id,
      String email,
      String firstName,
      String lastName,
      SubscriberStatus status,
      Instant createdAt) {
    static SubscriberJson of(Subscriber subscriber) {
      return new SubscriberJson(
          subscriber.getId(),
          subscriber.getEmail().value(),
          subscriber.getFirstName(),
          subscriber.getLastName(),
          subscriber.getStatus(),
          subscriber.getCreatedAt());
    }
  }

  /** What a client sends to create or change a subscriber; {@code status} is optional. */
  public record SubscriberInput(
      String email, String firstName, String lastName, SubscriberStatus status) {}

  public record PageJson<T>(List<T> items, long total, int page, int size) {
    static <E, T> PageJson<T> of(Page<E> page, java.util.function.Function<E, T> mapper) {
      return new PageJson<>(
          page.items().stream().map(mapper).toList(), page.total(), page.page(), page.size());
    }
  }

  /**
   * An error: a sentence for people and, for invalid input, the fields concerned.
   *
   * @param fields field name to message; empty unless input was invalid
   */
  public record ErrorJson(int status, String message, Map<String, String> fields) {
    static ErrorJson of(int status, String message) {
      return new ErrorJson(status, message, Map.of());
    }
  }

  /** A subscription as its subscriber's record shows it. */
  public record SubscriptionJson(
      long listId,
      String listName,
      SubscriptionStatus status,
      Instant createdAt,
      Instant subscribedAt,
      Instant unsubscribedAt) {
    static SubscriptionJson of(Subscription subscription) {
      return new SubscriptionJson(
          subscription.getMailingList().getId(),
          subscription.getMailingList().getName(),
          subscription.getStatus(),
          subscription.getCreatedAt(),
          subscription.getSubscribedAt(),
          subscription.getUnsubscribedAt());
    }
  }

  /** A list member: the subscriber and its subscription to the list. */
  public record MemberJson(
      SubscriberJson subscriber,
      SubscriptionStatus status,
      Instant createdAt,
      Instant subscribedAt,
      Instant unsubscribedAt) {
    static MemberJson of(Subscription subscription) {
      return new MemberJson(
          SubscriberJson.of(subscription.getSubscriber()),
          subscription.getStatus(),
          subscription.getCreatedAt(),
          subscription.getSubscribedAt(),
          subscription.getUnsubscribedAt());
    }
  }

  /**
   * What staff send to put a subscriber on a list: with a legal basis it starts at once, without
   * one the subscriber gets a confirmation mail.
   */
  public record MemberInput(Long subscriberId, String legalBasis) {}

  /** One piece of consent proof. */
  public record ConsentEventJson(
      ConsentEventType type,
      ConsentSource source,
      Long listId,
      String listName,
      Instant occurredAt,
      String ipAddress,
      Integer consentTextVersion,
      String consentText,
      String detail) {
    static ConsentEventJson of(ConsentEvent event) {
      return new ConsentEventJson(
          event.getType(),
          event.getSource(),
          event.getMailingListId(),
          event.getListName(),
          event.getOccurredAt(),
          event.getIpAddress(),
          event.getConsentTextVersion(),
          event.getConsentText(),
          event.getDetail());
    }
  }

  /** Everything kept about one subscriber, for the subscriber. */
  public record SubscriberExportJson(
      String tenant,
      Instant exportedAt,
      SubscriberJson subscriber,
      List<SubscriptionJson> subscriptions,
      List<ConsentEventJson> consentEvents) {
    public static SubscriberExportJson of(TenantKey tenant, SubscriberDetail detail) {
      return new SubscriberExportJson(
          tenant.value(),
          Instant.now(),
          SubscriberJson.of(detail.subscriber()),
          detail.subscriptions().stream().map(SubscriptionJson::of).toList(),
          detail.consentEvents().stream().map(ConsentEventJson::of).toList());
    }
  }
}
