package de.rundbrief.domain.setting;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The value of every setting for one tenant (or for all), and where each comes from. A tenant's own
 * value counts only where central administrators allow tenants to override that key; an empty value
 * at either level counts as not set.
 */
public final class EffectiveSettings {

  private final Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
  private final Map<SettingKey, SettingSource> sources = new EnumMap<>(SettingKey.class);

  private EffectiveSettings() {}

  /**
   * Resolves the levels.
   *
   * @param defaults values that replace a key's built-in default (the server's configuration)
   * @param global central administrators' values
   * @param tenantMayOverride the keys whose tenant values count
   * @param tenant the tenant's own values; empty for {@link Settings#global()}
   */
  public static EffectiveSettings resolve(
      Map<SettingKey, String> defaults,
      Map<SettingKey, String> global,
      Set<SettingKey> tenantMayOverride,
      Map<SettingKey, String> tenant) {
    EffectiveSettings settings = new EffectiveSettings();
    for (SettingKey key : SettingKey.values()) {
      String value = defaults.getOrDefault(key, key.defaultValue());
      SettingSource source = SettingSource.DEFAULT;
      if (isSet(global.get(key))) {
        value = global.get(key);
        source = SettingSource.GLOBAL;
      }
      if (!key.isGlobalOnly() && tenantMayOverride.contains(key) && isSet(tenant.get(key))) {
        value = tenant.get(key);
        source = SettingSource.TENANT;
      }
      settings.values.put(key, value == null ? "" : value);
      settings.sources.put(key, source);
    }
    return settings;
  }

  /** Built-in defaults only. */
  public static EffectiveSettings defaults() {
    return resolve(Map.of(), Map.of(), Set.of(), Map.of());
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  /** The value; empty, never null, where nothing is set. */
  public String text(SettingKey key) {
    return values.get(key);
  }

  public int number(SettingKey key) {
    String value = values.get(key);
    return value.isBlank() ? 0 : Integer.parseInt(value.strip());
  }

  /**
   * A {@link SettingType#CHOICE} as the enum constant of the same name; the key's default where a
   * stored value is not among the constants.
   */
  public <E extends Enum<E>> E choice(SettingKey key, Class<E> type) {
    try {
      return Enum.valueOf(type, values.get(key).strip());
    } catch (IllegalArgumentException | NullPointerException e) {
      return Enum.valueOf(type, key.defaultValue());
    }
  }

  /** The lines of a list value, stripped, without empty ones. */
  public List<String> lines(SettingKey key) {
    return Arrays.stream(values.get(key).split("\\R"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /**
   * True where the address's domain is one of {@link SettingKey#ALLOWED_SENDER_DOMAINS} (compared
   * without case; subdomains must be listed themselves).
   */
  public boolean allowsSender(String address) {
    int at = address == null ? -1 : address.lastIndexOf('@');
    if (at < 1) {
      return false;
    }
    String domain = address.substring(at + 1);
    return lines(SettingKey.ALLOWED_SENDER_DOMAINS).stream().anyMatch(domain::equalsIgnoreCase);
  }

  public SettingSource source(SettingKey key) {
    return sources.get(key);
  }
}
