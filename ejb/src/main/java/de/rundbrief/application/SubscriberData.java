package de.rundbrief.application;

import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.subscriber.SubscriberStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * What staff enter for a subscriber. On a change, what is left out ({@code null}) stays as it is,
 * so that an integration that sends only the address and one field keeps the names; an empty name
 * removes it.
 *
 * @param firstName {@code null} keeps the current first name, blank removes it
 * @param lastName {@code null} keeps the current last name, blank removes it
 * @param status {@code null} keeps the current status (a new subscriber starts active)
 * @param attributes field key to value as text, checked by each field; {@code null} keeps the
 *     values as they are
 */
public record SubscriberData(
    @NotBlank(message = "{rundbrief.email.required}")
        @Size(max = EmailAddress.MAX_LENGTH, message = "{rundbrief.email.invalid}")
        @Pattern(
            regexp = "\\s*" + EmailAddress.PATTERN + "\\s*",
            message = "{rundbrief.email.invalid}")
        String email,
    @Size(max = Subscriber.NAME_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        @Pattern(regexp = Subscriber.NAME_PATTERN, message = "{rundbrief.name.invalid}")
        String firstName,
    @Size(max = Subscriber.NAME_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        @Pattern(regexp = Subscriber.NAME_PATTERN, message = "{rundbrief.name.invalid}")
        String lastName,
    SubscriberStatus status,
    Map<String, String> attributes) {

  public SubscriberData(String email, String firstName, String lastName, SubscriberStatus status) {
    this(email, firstName, lastName, status, null);
  }
}
