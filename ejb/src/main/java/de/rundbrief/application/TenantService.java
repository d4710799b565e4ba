package de.rundbrief.application;

import de.rundbrief.domain.tenant.Tenant;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.ejb.Local;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Tenants: central administrators manage them; every member of staff sees its own. */
@Local
public interface TenantService {

  /** Central staff: all tenants; tenant staff: the active tenants they belong to. */
  List<Tenant> listVisible();

  /**
   * @throws de.rundbrief.domain.tenant.TenantNotFoundException if it does not exist or the caller
   *     may not see it
   */
  Tenant get(@NotNull TenantKey key);

  Tenant create(
      @NotNull TenantKey key,
      @NotBlank(message = "A tenant needs a name") @Size(max = Tenant.NAME_MAX_LENGTH) String name);

  Tenant rename(
      @NotNull TenantKey key,
      @NotBlank(message = "A tenant needs a name") @Size(max = Tenant.NAME_MAX_LENGTH) String name);

  /** Its staff can no longer sign in or act; the data is kept. */
  Tenant deactivate(@NotNull TenantKey key);

  Tenant reactivate(@NotNull TenantKey key);
}
