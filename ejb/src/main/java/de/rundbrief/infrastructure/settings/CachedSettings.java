package de.rundbrief.infrastructure.settings;

import de.rundbrief.domain.setting.EffectiveSettings;
import de.rundbrief.domain.setting.Settings;
import de.rundbrief.domain.setting.SettingsChanged;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Rundbrief's {@link Settings}: the {@link SettingsCache} of this instance over the database. It
 * checks no roles, so that background jobs can read settings too; changes go through the settings
 * service, which checks them.
 */
@ApplicationScoped
public class CachedSettings implements Settings {

  @Inject private SettingsLoader loader;
  @Inject private SettingDefaults defaults;

  private SettingsCache cache;

  @PostConstruct
  void create() {
    cache =
        new SettingsCache(
            loader, defaults.values(), System::nanoTime, SettingsCache.CHECK_INTERVAL);
  }

  @Override
  public EffectiveSettings global() {
    return cache.global();
  }

  @Override
  public EffectiveSettings of(TenantKey tenant) {
    return cache.of(tenant);
  }

  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettingsChanged change) {
    cache.invalidate();
  }
}
