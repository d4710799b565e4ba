package de.rundbrief.domain.setting;

import java.util.List;
import java.util.Optional;

/**
 * Stored settings: the central values, and the current tenant's own values. Every method that
 * changes a row also counts up the revision in the same transaction, so that every instance's cache
 * notices the change.
 */
public interface SettingRepository {

  /** Every key central administrators have touched. */
  List<GlobalSetting> globalSettings();

  Optional<GlobalSetting> findGlobal(SettingKey key);

  /** Stores a new or changed central row, or removes it where it says nothing any more. */
  void saveGlobal(GlobalSetting setting);

  /** The current tenant's own values. */
  List<TenantSetting> tenantSettings();

  Optional<TenantSetting> findTenant(SettingKey key);

  /** Stores a new or changed value of the current tenant. */
  void saveTenant(TenantSetting setting);

  void removeTenant(TenantSetting setting);

  /** The revision of all settings: it changes with every committed change. */
  long revision();
}
