package de.rundbrief.domain.attribute;

import java.util.List;
import java.util.Optional;

/** The fields of the tenant the current call works in, and its subscribers' values. */
public interface AttributeRepository {

  /** Every field of the tenant, by label. */
  List<AttributeDefinition> definitions();

  Optional<AttributeDefinition> find(long id);

  Optional<AttributeDefinition> findByKey(String key);

  void add(AttributeDefinition definition);

  /** Removes the field with all its values. */
  void remove(AttributeDefinition definition);

  /** A subscriber's values. */
  List<AttributeValue> valuesOf(long subscriberId);

  void add(AttributeValue value);

  void remove(AttributeValue value);
}
