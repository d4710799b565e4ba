package de.rundbrief.application;

import de.rundbrief.domain.attribute.AttributeDefinition;
import de.rundbrief.domain.attribute.AttributeRepository;
import de.rundbrief.domain.attribute.AttributeValue;
import de.rundbrief.domain.attribute.InvalidAttributeValueException;
import de.rundbrief.domain.subscriber.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Applies the field values staff or a client give for a subscriber, checked by each field. */
@ApplicationScoped
class FieldValues {

  @Inject private AttributeRepository fields;

  /**
   * Sets the given values; a blank value removes one. Fields not named keep their value unless they
   * are required and have none.
   *
   * @param given field key to value as text; {@code null} leaves every value as it is
   * @throws InvalidAttributeValueException for an unknown key or a value that does not fit
   */
  void apply(Subscriber subscriber, Map<String, String> given) {
    if (given == null) {
      return;
    }
    Map<String, AttributeDefinition> byKey =
        fields.definitions().stream()
            .collect(Collectors.toMap(AttributeDefinition::getKey, Function.identity()));
    for (String key : given.keySet()) {
      if (!byKey.containsKey(key)) {
        throw new InvalidAttributeValueException(
            key, InvalidAttributeValueException.Reason.NO_SUCH_FIELD, key);
      }
    }
    Map<Long, AttributeValue> current =
        fields.valuesOf(subscriber.getId()).stream()
            .collect(Collectors.toMap(v -> v.getDefinition().getId(), Function.identity()));
    for (AttributeDefinition field : byKey.values()) {
      AttributeValue existing = current.get(field.getId());
      if (!given.containsKey(field.getKey())) {
        if (field.isRequired() && existing == null) {
          field.parse(null);
        }
        continue;
      }
      Object value = field.parse(given.get(field.getKey()));
      if (value == null) {
        if (existing != null) {
          fields.remove(existing);
        }
      } else if (existing != null) {
        existing.set(value);
      } else {
        fields.add(new AttributeValue(subscriber, field, value));
      }
    }
  }
}
