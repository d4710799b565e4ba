package de.rundbrief.web.api;

import de.rundbrief.application.SettingView;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.SettingNotFoundException;
import de.rundbrief.domain.setting.SettingScope;
import de.rundbrief.domain.setting.SettingSource;
import de.rundbrief.domain.setting.SettingType;
import java.time.Instant;
import java.util.Locale;

/**
 * A setting in API v1: the value that counts ({@code value}) and where it comes from ({@code
 * source}: DEFAULT, GLOBAL or TENANT), next to the default, the global value, whether tenants may
 * override it and, under a tenant, the tenant's own value ({@code null} where none is set).
 */
public record SettingJson(
    SettingKey key,
    SettingType type,
    SettingScope scope,
    String value,
    SettingSource source,
    String defaultValue,
    String globalValue,
    boolean tenantMayOverride,
    String tenantValue,
    Instant updatedAt,
    String updatedBy) {

  static SettingJson of(SettingView view) {
    return new SettingJson(
        view.getKey(),
        view.getType(),
        view.getScope(),
        view.getEffectiveValue(),
        view.getSource(),
        view.getDefaultValue(),
        view.getGlobalValue(),
        view.isTenantMayOverride(),
        view.getTenantValue(),
        view.getUpdatedAt(),
        view.getUpdatedBy());
  }

  /**
   * What a client sends: {@code value} (an empty one removes it; absent leaves it), and for a
   * global setting {@code tenantMayOverride} (absent leaves it).
   */
  public record Input(String value, Boolean tenantMayOverride) {}

  /** The key of a path, in any case; an unknown one answers 404. */
  static SettingKey key(String name) {
    try {
      return SettingKey.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SettingNotFoundException(name);
    }
  }
}
