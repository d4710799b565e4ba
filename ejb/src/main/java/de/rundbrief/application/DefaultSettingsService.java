package de.rundbrief.application;

import de.rundbrief.domain.audit.AuditEntry;
import de.rundbrief.domain.audit.AuditLog;
import de.rundbrief.domain.setting.EffectiveSettings;
import de.rundbrief.domain.setting.GlobalSetting;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.SettingNotOverridableException;
import de.rundbrief.domain.setting.SettingRepository;
import de.rundbrief.domain.setting.SettingValues;
import de.rundbrief.domain.setting.SettingsChanged;
import de.rundbrief.domain.setting.TenantSetting;
import de.rundbrief.domain.staff.Roles;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.security.Callers;
import de.rundbrief.infrastructure.settings.SettingDefaults;
import de.rundbrief.infrastructure.tenancy.TenantGuarded;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads settings straight from the database (not from the cache), so that a screen shows exactly
 * what is stored; every change counts up the revision and fires {@link SettingsChanged}, which
 * makes every instance's cache load again.
 */
@Stateless
@TenantGuarded
@ValidateOnExecution
public class DefaultSettingsService implements SettingsService {

  /** How much of an old or new value the audit log keeps of each. */
  static final int AUDITED_VALUE_LENGTH = 900;

  @Inject private SettingRepository settings;
  @Inject private SettingDefaults defaults;
  @Inject private AuditLog auditLog;
  @Inject private Callers callers;
  @Inject private Event<SettingsChanged> changes;
  @Inject private Clock clock;

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public List<SettingView> listGlobal() {
    Map<SettingKey, GlobalSetting> stored = globalRows();
    EffectiveSettings effective = resolve(stored, Map.of());
    return Arrays.stream(SettingKey.values())
        .map(key -> globalView(key, stored.get(key), effective))
        .toList();
  }

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public SettingView getGlobal(SettingKey key) {
    return listGlobal().get(key.ordinal());
  }

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public SettingView setGlobal(SettingKey key, String value) {
    String normalised = SettingValues.normalise(key, value);
    GlobalSetting setting = globalRow(key);
    String old = setting.getValue();
    if (!Objects.equals(old, normalised)) {
      setting.change(normalised, caller(), now());
      settings.saveGlobal(setting);
      audit(null, "setting.global", key, old, normalised);
    }
    return getGlobal(key);
  }

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public SettingView clearGlobal(SettingKey key) {
    return setGlobal(key, null);
  }

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public SettingView allowTenantValues(SettingKey key, boolean allowed) {
    GlobalSetting setting = globalRow(key);
    boolean old = setting.isTenantMayOverride();
    if (old != allowed) {
      setting.allowTenants(allowed, caller(), now());
      settings.saveGlobal(setting);
      audit(null, "setting.tenantValues", key, String.valueOf(old), String.valueOf(allowed));
    }
    return getGlobal(key);
  }

  @Override
  @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.TENANT_ADMIN})
  public List<SettingView> listTenant(TenantKey tenant) {
    Map<SettingKey, GlobalSetting> global = globalRows();
    Map<SettingKey, TenantSetting> own =
        settings.tenantSettings().stream()
            .collect(Collectors.toMap(TenantSetting::getKey, Function.identity()));
    EffectiveSettings effective = resolve(global, own);
    return Arrays.stream(SettingKey.values())
        .map(key -> tenantView(key, global.get(key), own.get(key), effective))
        .toList();
  }

  @Override
  @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.TENANT_ADMIN})
  public SettingView getTenant(TenantKey tenant, SettingKey key) {
    return listTenant(tenant).get(key.ordinal());
  }

  @Override
  @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.TENANT_ADMIN})
  public SettingView setTenant(TenantKey tenant, SettingKey key, String value) {
    boolean allowed =
        !key.isGlobalOnly()
            && settings.findGlobal(key).map(GlobalSetting::isTenantMayOverride).orElse(false);
    if (!allowed) {
      throw new SettingNotOverridableException(key);
    }
    String normalised = SettingValues.normalise(key, value);
    if (normalised == null) {
      return clearTenant(tenant, key);
    }
    Optional<TenantSetting> stored = settings.findTenant(key);
    String old = stored.map(TenantSetting::getValue).orElse(null);
    if (!normalised.equals(old)) {
      TenantSetting setting =
          stored.orElseGet(() -> new TenantSetting(key, normalised, caller(), now()));
      setting.change(normalised, caller(), now());
      settings.saveTenant(setting);
      audit(tenant, "setting.tenant", key, old, normalised);
    }
    return getTenant(tenant, key);
  }

  @Override
  @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.TENANT_ADMIN})
  public SettingView clearTenant(TenantKey tenant, SettingKey key) {
    settings
        .findTenant(key)
        .ifPresent(
            setting -> {
              settings.removeTenant(setting);
              audit(tenant, "setting.tenant", key, setting.getValue(), null);
            });
    return getTenant(tenant, key);
  }

  private Map<SettingKey, GlobalSetting> globalRows() {
    return settings.globalSettings().stream()
        .collect(Collectors.toMap(GlobalSetting::getKey, Function.identity()));
  }

  private GlobalSetting globalRow(SettingKey key) {
    return settings.findGlobal(key).orElseGet(() -> new GlobalSetting(key, caller(), now()));
  }

  private EffectiveSettings resolve(
      Map<SettingKey, GlobalSetting> global, Map<SettingKey, TenantSetting> own) {
    Map<SettingKey, String> globalValues =
        global.values().stream()
            .filter(s -> s.getValue() != null)
            .collect(Collectors.toMap(GlobalSetting::getKey, GlobalSetting::getValue));
    return EffectiveSettings.resolve(
        defaults.values(),
        globalValues,
        global.values().stream()
            .filter(GlobalSetting::isTenantMayOverride)
            .map(GlobalSetting::getKey)
            .collect(Collectors.toSet()),
        own.values().stream()
            .collect(Collectors.toMap(TenantSetting::getKey, TenantSetting::getValue)));
  }

  private SettingView globalView(SettingKey key, GlobalSetting stored, EffectiveSettings values) {
    return new SettingView(
        key,
        values.text(key),
        values.source(key),
        defaultValue(key),
        stored == null ? null : stored.getValue(),
        stored != null && stored.isTenantMayOverride(),
        null,
        stored == null ? null : stored.getUpdatedAt(),
        stored == null ? null : stored.getUpdatedBy());
  }

  private SettingView tenantView(
      SettingKey key, GlobalSetting global, TenantSetting own, EffectiveSettings values) {
    Instant updatedAt =
        own != null ? own.getUpdatedAt() : global == null ? null : global.getUpdatedAt();
    String updatedBy =
        own != null ? own.getUpdatedBy() : global == null ? null : global.getUpdatedBy();
    return new SettingView(
        key,
        values.text(key),
        values.source(key),
        defaultValue(key),
        global == null ? null : global.getValue(),
        global != null && global.isTenantMayOverride(),
        own == null ? null : own.getValue(),
        updatedAt,
        updatedBy);
  }

  private String defaultValue(SettingKey key) {
    return defaults.values().getOrDefault(key, key.defaultValue());
  }

  private void audit(TenantKey tenant, String action, SettingKey key, String old, String now) {
    auditLog.record(
        new AuditEntry(
            now(),
            caller(),
            tenant,
            action,
            key.name() + ": " + quoted(old) + " -> " + quoted(now)));
    changes.fire(new SettingsChanged(key));
  }

  private static String quoted(String value) {
    if (value == null) {
      return "(none)";
    }
    String shown =
        value.length() <= AUDITED_VALUE_LENGTH
            ? value
            : value.substring(0, AUDITED_VALUE_LENGTH) + "…";
    return '"' + shown + '"';
  }

  private String caller() {
    return callers.current().name();
  }

  private Instant now() {
    return clock.instant();
  }
}
