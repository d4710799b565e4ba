package de.rundbrief.infrastructure.settings;

import de.rundbrief.domain.setting.GlobalSetting;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.SettingRepository;
import de.rundbrief.domain.setting.TenantSetting;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.tenancy.TenantContext;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The cache's reads, each in a transaction of its own: the caller may be a service whose
 * transaction is bound to another tenant, or a background job with none.
 *
 * <p>Reading a tenant's own values binds the new transaction to that tenant here, because there is
 * no signed-in caller for the tenant guard to check: settings are read for whichever tenant a
 * mailing, a mail or a public page belongs to, and only for reading.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SettingsLoader implements SettingsCache.Source {

  @Inject private SettingRepository settings;
  @Inject private TenantContext context;

  @Override
  public long revision() {
    return settings.revision();
  }

  @Override
  public SettingsCache.GlobalValues global() {
    return readGlobal(settings);
  }

  @Override
  public Map<SettingKey, String> tenant(TenantKey tenant) {
    context.enter(tenant);
    return readTenant(settings);
  }

  /** The central values, the revision read first. */
  public static SettingsCache.GlobalValues readGlobal(SettingRepository settings) {
    long revision = settings.revision();
    Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
    Set<SettingKey> allowed = EnumSet.noneOf(SettingKey.class);
    for (GlobalSetting setting : settings.globalSettings()) {
      if (setting.getValue() != null) {
        values.put(setting.getKey(), setting.getValue());
      }
      if (setting.isTenantMayOverride()) {
        allowed.add(setting.getKey());
      }
    }
    return new SettingsCache.GlobalValues(revision, values, allowed);
  }

  /** The current tenant's own values. */
  public static Map<SettingKey, String> readTenant(SettingRepository settings) {
    Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
    for (TenantSetting setting : settings.tenantSettings()) {
      values.put(setting.getKey(), setting.getValue());
    }
    return values;
  }
}
