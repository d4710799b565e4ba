package de.rundbrief.domain.setting;

import static de.rundbrief.domain.setting.SettingScope.GLOBAL_ONLY;
import static de.rundbrief.domain.setting.SettingScope.TENANT_OVERRIDABLE;

import java.util.List;

/**
 * Every setting Rundbrief knows, with its type, who may set it and its built-in default. The enum
 * name is the stored key; renaming a constant needs a migration.
 */
public enum SettingKey {
  /** Sender name of mailings; empty means the tenant's name. */
  SENDER_NAME(SettingType.TEXT, TENANT_OVERRIDABLE, ""),
  /** Sender address of mailings; its domain must be among {@link #ALLOWED_SENDER_DOMAINS}. */
  SENDER_ADDRESS(SettingType.EMAIL, TENANT_OVERRIDABLE, ""),
  REPLY_TO(SettingType.EMAIL, TENANT_OVERRIDABLE, ""),
  /** The domains that sender addresses may use; empty allows none. */
  ALLOWED_SENDER_DOMAINS(SettingType.DOMAIN_LIST, GLOBAL_ONLY, ""),
  /** The imprint footer under every mailing and hosted page. */
  IMPRINT_HTML(SettingType.HTML, TENANT_OVERRIDABLE, ""),
  PRIVACY_POLICY_URL(SettingType.URL, TENANT_OVERRIDABLE, ""),
  /**
   * The address under which mail recipients and website visitors reach Rundbrief; its default is
   * the server's configuration ({@code rundbrief.public-base-url}).
   */
  PUBLIC_BASE_URL(SettingType.URL, GLOBAL_ONLY, ""),
  /** Subject of the double opt-in mail; empty means Rundbrief's own text. */
  OPT_IN_SUBJECT(SettingType.TEXT, TENANT_OVERRIDABLE, ""),
  /** Plain text of the double opt-in mail; empty means Rundbrief's own text. */
  OPT_IN_TEXT(SettingType.LONG_TEXT, TENANT_OVERRIDABLE, ""),
  BRANDING_LOGO_URL(SettingType.URL, TENANT_OVERRIDABLE, ""),
  BRANDING_COLOR(SettingType.COLOR, TENANT_OVERRIDABLE, "#1f5f8b"),
  /** Days after which an unconfirmed subscription is deleted. */
  RETENTION_UNCONFIRMED_DAYS(SettingType.NUMBER, TENANT_OVERRIDABLE, "30"),
  /** Days after which per-recipient sending records are deleted. */
  RETENTION_SENDING_LOG_DAYS(SettingType.NUMBER, TENANT_OVERRIDABLE, "365"),
  /**
   * Days after which the problem reports of ended imports are deleted: they may name people's
   * addresses and names.
   */
  RETENTION_IMPORT_REPORTS_DAYS(SettingType.NUMBER, TENANT_OVERRIDABLE, "90"),
  /** SMTP connections all instances together open at most. */
  SENDING_CONNECTIONS(SettingType.NUMBER, GLOBAL_ONLY, "4"),
  /** Messages per second over all tenants; 0 means no limit. */
  SENDING_PER_SECOND(SettingType.NUMBER, GLOBAL_ONLY, "0"),
  /** Messages per hour over all tenants; 0 means no limit. */
  SENDING_PER_HOUR(SettingType.NUMBER, GLOBAL_ONLY, "0"),
  /**
   * Messages one mailing sends before the next waiting mailing (of any tenant) gets its turn: the
   * fair share between tenants.
   */
  SENDING_FAIR_SHARE(SettingType.NUMBER, GLOBAL_ONLY, "200"),
  /**
   * Hosts on loopback or private networks that CMS sources may reach, by name or IP address. Any
   * other host that is, or resolves to, such an address is refused, so that a source cannot probe
   * the enterprise's internal network.
   */
  CMS_ALLOWED_HOSTS(SettingType.HOST_LIST, GLOBAL_ONLY, ""),
  /**
   * Whether mailings record opens and clicks: {@code PERSONAL} per recipient, {@code ANONYMOUS}
   * counted without linking them to anyone, {@code OFF} not at all (mails then carry no tracking).
   */
  TRACKING(TENANT_OVERRIDABLE, "PERSONAL", "PERSONAL", "ANONYMOUS", "OFF"),
  /** How much of a visitor's IP address tracking keeps: {@code SHORTENED} or {@code NONE}. */
  TRACKING_IP(TENANT_OVERRIDABLE, "SHORTENED", "SHORTENED", "NONE"),
  /** Soft bounces (of different mailings) after which an address counts as bounced for good. */
  BOUNCE_SOFT_LIMIT(SettingType.NUMBER, GLOBAL_ONLY, "3");

  private final SettingType type;
  private final SettingScope scope;
  private final String defaultValue;
  private final List<String> choices;

  SettingKey(SettingType type, SettingScope scope, String defaultValue) {
    this.type = type;
    this.scope = scope;
    this.defaultValue = defaultValue;
    this.choices = List.of();
  }

  /** A {@link SettingType#CHOICE} among these values. */
  SettingKey(SettingScope scope, String defaultValue, String... choices) {
    this.type = SettingType.CHOICE;
    this.scope = scope;
    this.defaultValue = defaultValue;
    this.choices = List.of(choices);
  }

  /** The values a {@link SettingType#CHOICE} takes; empty for other types. */
  public List<String> choices() {
    return choices;
  }

  public SettingType type() {
    return type;
  }

  public SettingScope scope() {
    return scope;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public boolean isGlobalOnly() {
    return scope == GLOBAL_ONLY;
  }
}
