package de.rundbrief.application;

import de.rundbrief.domain.attribute.AttributeDefinition;
import de.rundbrief.domain.attribute.AttributeNotFoundException;
import de.rundbrief.domain.attribute.AttributeRepository;
import de.rundbrief.domain.attribute.AttributeValue;
import de.rundbrief.domain.attribute.DuplicateAttributeException;
import de.rundbrief.domain.attribute.InvalidAttributeDefinitionException;
import de.rundbrief.domain.staff.Roles;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.tenancy.TenantGuarded;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.util.List;

@Stateless
@TenantGuarded
@ValidateOnExecution
public class DefaultAttributeService implements AttributeService {

  @Inject private AttributeRepository fields;
  @Inject private Clock clock;

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public List<AttributeDefinition> list(TenantKey tenant) {
    return fields.definitions();
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public List<AttributeValue> valuesOf(TenantKey tenant, long subscriberId) {
    return fields.valuesOf(subscriberId);
  }

  @Override
  @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.TENANT_ADMIN})
  public AttributeDefinition create(TenantKey tenant, AttributeData data) {
    if (fields.findByKey(data.key()).isPresent()) {
      throw new DuplicateAttributeException(data.key());
    }
    AttributeDefinition field =
        new AttributeDefinition(
            data.key(),
            data.label(),
            data.type(),
            data.choices(),
            data.required(),
            clock.instant());
    fields.add(field);
    return field;
  }

  @Override
  @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.TENANT_ADMIN})
  public AttributeDefinition update(TenantKey tenant, long id, AttributeData data) {
    AttributeDefinition field =
        fields.find(id).orElseThrow(() -> new AttributeNotFoundException(id));
    if (!field.getKey().equals(data.key()) || field.getType() != data.type()) {
      throw new InvalidAttributeDefinitionException(
          InvalidAttributeDefinitionException.Reason.KEY_OR_TYPE_CHANGED);
    }
    field.change(data.label(), data.choices(), data.required());
    return field;
  }

  @Override
  @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.TENANT_ADMIN})
  public void delete(TenantKey tenant, long id) {
    fields.remove(fields.find(id).orElseThrow(() -> new AttributeNotFoundException(id)));
  }
}
