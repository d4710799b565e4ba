package de.rundbrief.application;

import de.rundbrief.domain.apikey.ApiKey;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.ejb.Local;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * API keys for integrations: tenant administrators issue and revoke them; a key acts as an editor
 * of its tenant and of no other.
 */
@Local
public interface ApiKeyService {

  /** A new key and the one time its full text is known. */
  record Issued(ApiKey key, String text) {}

  List<ApiKey> list(@NotNull TenantKey tenant);

  /** Issues a key; its text is shown once and never stored. */
  Issued issue(
      @NotNull TenantKey tenant,
      @NotBlank(message = "{rundbrief.apikey.name.required}")
          @Size(max = ApiKey.NAME_MAX_LENGTH, message = "{rundbrief.name.too-long}")
          String name);

  /**
   * @throws de.rundbrief.domain.apikey.ApiKeyNotFoundException if the tenant has no such key
   */
  void revoke(@NotNull TenantKey tenant, long id);

  /**
   * Whether the presented key is valid: the tenant active, the key its own, not revoked, the secret
   * right. For the sign-in of a request; no caller is signed in yet.
   */
  boolean authenticate(@NotNull TenantKey tenant, long id, @NotNull String secret);
}
