package de.rundbrief.application;

import de.rundbrief.domain.attribute.AttributeDefinition;
import de.rundbrief.domain.attribute.AttributeValue;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** A tenant's fields; its administrators define them, all its staff see them. */
@Local
public interface AttributeService {

  /** Every field of the tenant, by label. */
  List<AttributeDefinition> list(@NotNull TenantKey tenant);

  /**
   * @throws de.rundbrief.domain.attribute.DuplicateAttributeException if the key is taken
   */
  AttributeDefinition create(@NotNull TenantKey tenant, @NotNull @Valid AttributeData data);

  /**
   * Changes label, choices and whether a value is required; key and type stay as they are.
   *
   * @throws de.rundbrief.domain.attribute.AttributeNotFoundException if the tenant has no such
   *     field
   */
  AttributeDefinition update(
      @NotNull TenantKey tenant, long id, @NotNull @Valid AttributeData data);

  /** One subscriber's field values; none for a subscriber the tenant does not have. */
  List<AttributeValue> valuesOf(@NotNull TenantKey tenant, long subscriberId);

  /** Removes the field and every subscriber's value of it. */
  void delete(@NotNull TenantKey tenant, long id);
}
