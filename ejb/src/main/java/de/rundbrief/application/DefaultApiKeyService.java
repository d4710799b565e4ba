package de.rundbrief.application;

import de.rundbrief.domain.apikey.ApiKey;
import de.rundbrief.domain.apikey.ApiKeyNotFoundException;
import de.rundbrief.domain.apikey.ApiKeyRepository;
import de.rundbrief.domain.staff.Roles;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.security.Callers;
import de.rundbrief.infrastructure.tenancy.Audited;
import de.rundbrief.infrastructure.tenancy.PublicAccess;
import de.rundbrief.infrastructure.tenancy.TenantGuarded;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.util.List;

@Stateless
@TenantGuarded
@ValidateOnExecution
public class DefaultApiKeyService implements ApiKeyService {

  @Inject private ApiKeyRepository keys;
  @Inject private Callers callers;
  @Inject private Clock clock;

  @Override
  @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.TENANT_ADMIN})
  public List<ApiKey> list(TenantKey tenant) {
    return keys.all();
  }

  @Override
  @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.TENANT_ADMIN})
  @Audited
  public Issued issue(TenantKey tenant, String name) {
    ApiKey key = new ApiKey(name, callers.current().name(), clock.instant());
    keys.add(key);
    return new Issued(key, key.reveal(tenant));
  }

  @Override
  @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.TENANT_ADMIN})
  @Audited
  public void revoke(TenantKey tenant, long id) {
    keys.find(id).orElseThrow(() -> new ApiKeyNotFoundException(id)).revoke(clock.instant());
  }

  @Override
  @PermitAll
  @PublicAccess
  public boolean authenticate(TenantKey tenant, long id, String secret) {
    ApiKey key = keys.find(id).orElse(null);
    if (key == null || !key.accepts(secret)) {
      return false;
    }
    keys.recordUse(key, clock.instant());
    return true;
  }
}
