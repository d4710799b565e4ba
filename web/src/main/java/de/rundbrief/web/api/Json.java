package de.rundbrief.web.api;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.subscriber.SubscriberStatus;
import de.rundbrief.domain.tenant.Tenant;
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
}
