package de.rundbrief.web.api;

import de.rundbrief.application.SubscriberDetail;
import de.rundbrief.domain.Page;
import de.rundbrief.domain.attribute.AttributeDefinition;
import de.rundbrief.domain.attribute.AttributeType;
import de.rundbrief.domain.attribute.AttributeValue;
import de.rundbrief.domain.consent.ConsentEvent;
import de.rundbrief.domain.consent.ConsentEventType;
import de.rundbrief.domain.consent.ConsentSource;
import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import de.rundbrief.domain.segment.Segment;
import de.rundbrief.domain.segment.SegmentDefinition;
import de.rundbrief.domain.segment.SegmentOperator;
import de.rundbrief.domain.segment.SegmentRule;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.subscriber.SubscriberStatus;
import de.rundbrief.domain.tenant.Tenant;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tracking.TrackingEvent;
import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The JSON shapes of API v1. */
public final class Json {

  private Json() {}

  public record TenantJson(String key, String name, String status) {
    static TenantJson of(Tenant tenant) {
      return new TenantJson(
          tenant.getKey().value(), tenant.getName(), tenant.getStatus().name().toLowerCase());
    }
  }

  /**
   * A subscriber; {@code attributes} (field key to value) only where one subscriber is read, not in
   * lists.
   */
  public record SubscriberJson(
      Long id,
      String email,
      String firstName,
      String lastName,
      SubscriberStatus status,
      Instant createdAt,
      Map<String, String> attributes) {
    static SubscriberJson of(Subscriber subscriber) {
      return of(subscriber, null);
    }

    static SubscriberJson of(Subscriber subscriber, List<AttributeValue> values) {
      return new SubscriberJson(
          subscriber.getId(),
          subscriber.getEmail().value(),
          subscriber.getFirstName(),
          subscriber.getLastName(),
          subscriber.getStatus(),
          subscriber.getCreatedAt(),
          values == null
              ? null
              : values.stream()
                  .collect(
                      Collectors.toMap(
                          v -> v.getDefinition().getKey(),
                          AttributeValue::getText,
                          (a, b) -> a,
                          TreeMap::new)));
    }
  }

  /**
   * What a client sends to create or change a subscriber; {@code status} is optional, {@code
   * attributes} (field key to value as text) too: without it the field values stay as they are.
   */
  public record SubscriberInput(
      String email,
      String firstName,
      String lastName,
      SubscriberStatus status,
      Map<String, String> attributes) {}

  /** A field of the tenant. */
  public record AttributeJson(
      Long id,
      String key,
      String label,
      AttributeType type,
      List<String> choices,
      boolean required) {
    static AttributeJson of(AttributeDefinition field) {
      return new AttributeJson(
          field.getId(),
          field.getKey(),
          field.getLabel(),
          field.getType(),
          field.getChoices(),
          field.isRequired());
    }
  }

  /** What a client sends to define or change a field. */
  public record AttributeInput(
      String key, String label, AttributeType type, List<String> choices, Boolean required) {}

  /** A segment rule as JSON. */
  public record RuleJson(String field, SegmentOperator operator, String value) {}

  /** A segment; {@code match} is ALL or ANY. */
  public record SegmentJson(
      Long id, String name, SegmentDefinition.Match match, List<RuleJson> rules) {
    static SegmentJson of(Segment segment) {
      SegmentDefinition definition = segment.getDefinition();
      return new SegmentJson(
          segment.getId(),
          segment.getName(),
          definition.match(),
          definition.rules().stream()
              .map(r -> new RuleJson(r.field(), r.operator(), r.value()))
              .toList());
    }

    SegmentDefinition definition() {
      if (match == null || rules == null) {
        throw new BadRequestException("A segment needs match (ALL or ANY) and rules");
      }
      return new SegmentDefinition(
          match,
          rules.stream()
              .map(
                  r -> {
                    if (r == null || r.operator() == null) {
                      throw new BadRequestException("Every rule needs a field and an operator");
                    }
                    return new SegmentRule(r.field(), r.operator(), r.value());
                  })
              .toList());
    }
  }

  /** The live count of a segment's rules. */
  public record CountJson(long count) {}

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
      List<ConsentEventJson> consentEvents,
      List<TrackingEventJson> trackingEvents) {
    public static SubscriberExportJson of(
        TenantKey tenant, SubscriberDetail detail, List<TrackingEvent> trackingEvents) {
      return new SubscriberExportJson(
          tenant.value(),
          Instant.now(),
          SubscriberJson.of(detail.subscriber(), detail.attributes()),
          detail.subscriptions().stream().map(SubscriptionJson::of).toList(),
          detail.consentEvents().stream().map(ConsentEventJson::of).toList(),
          trackingEvents.stream().map(TrackingEventJson::of).toList());
    }
  }

  /** One open or click of a subscriber, as kept. */
  public record TrackingEventJson(
      long mailingId,
      String kind,
      Integer link,
      Instant occurredAt,
      String ip,
      String userAgent,
      boolean machine) {
    public static TrackingEventJson of(TrackingEvent event) {
      return new TrackingEventJson(
          event.mailingId(),
          event.kind().name().toLowerCase(java.util.Locale.ROOT),
          event.linkIndex(),
          event.occurredAt(),
          event.ip(),
          event.userAgent(),
          event.machine());
    }
  }
}
