package de.rundbrief.domain.setting;

/** The kind of value a setting holds; it decides how a value is checked and shown. */
public enum SettingType {
  TEXT,
  /** Multi-line text. */
  LONG_TEXT,
  /** HTML, sanitised when saved. */
  HTML,
  EMAIL,
  /** An absolute http or https URL. */
  URL,
  /** A whole number of at least zero. */
  NUMBER,
  /** A colour as {@code #rrggbb}. */
  COLOR,
  /** Domain names, one per line, stored separated by line breaks. */
  DOMAIN_LIST,
  /** Host names or IP addresses, one per line, stored separated by line breaks. */
  HOST_LIST,
  /** One of the key's {@link SettingKey#choices()}. */
  CHOICE
}
