package de.rundbrief.application;

import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.ejb.Local;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The settings screens' and API's use cases: central administrators set values for all tenants and
 * decide per key whether tenants may override them; a tenant's administrators (and central
 * administrators) set that tenant's own values where allowed. Every change is audited with its old
 * and new value. The rest of Rundbrief reads settings through {@link
 * de.rundbrief.domain.setting.Settings}.
 */
@Local
public interface SettingsService {

  /** Every setting with its global value, in the order of {@link SettingKey}. */
  List<SettingView> listGlobal();

  /** One setting's global value. */
  SettingView getGlobal(@NotNull SettingKey key);

  /**
   * Sets the value for all tenants; a blank value removes it, so that the default counts again.
   *
   * @throws de.rundbrief.domain.setting.InvalidSettingValueException if it does not fit the type
   */
  SettingView setGlobal(@NotNull SettingKey key, String value);

  /** Removes the value for all tenants: the default counts again. */
  SettingView clearGlobal(@NotNull SettingKey key);

  /**
   * Lets tenants set their own value, or stops them; their stored values are kept, but count only
   * while allowed.
   *
   * @throws de.rundbrief.domain.setting.SettingNotOverridableException to allow a global-only key
   */
  SettingView allowTenantValues(@NotNull SettingKey key, boolean allowed);

  /** Every setting as it counts for the tenant, with its global and its own value. */
  List<SettingView> listTenant(@NotNull TenantKey tenant);

  SettingView getTenant(@NotNull TenantKey tenant, @NotNull SettingKey key);

  /**
   * Sets the tenant's own value; a blank value removes it.
   *
   * @throws de.rundbrief.domain.setting.SettingNotOverridableException for a global-only key or one
   *     central administrators do not let tenants override
   * @throws de.rundbrief.domain.setting.InvalidSettingValueException if it does not fit the type
   */
  SettingView setTenant(@NotNull TenantKey tenant, @NotNull SettingKey key, String value);

  /**
   * Removes the tenant's own value: the global one counts again. Allowed whatever central
   * administrators allow, so that a tenant can always drop a value it no longer wants.
   */
  SettingView clearTenant(@NotNull TenantKey tenant, @NotNull SettingKey key);
}
