package de.rundbrief.domain.setting;

import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.subscriber.InvalidEmailAddressException;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Checks and normalises a setting's value by its {@link SettingType} before it is stored, so that
 * whatever reads a setting can rely on its shape: a sender name has no line break to inject mail
 * headers with, a colour is {@code #rrggbb} and can go into a style sheet, imprint HTML has no
 * script.
 */
public final class SettingValues {

  /** The longest value any setting takes (HTML and long texts). */
  public static final int MAX_LENGTH = 20000;

  /** The longest one-line text (sender name, subject). */
  public static final int TEXT_MAX_LENGTH = 500;

  /** The longest URL. */
  public static final int URL_MAX_LENGTH = 2000;

  /** The placeholder for the confirmation link in {@link SettingKey#OPT_IN_TEXT}. */
  public static final String LINK_PLACEHOLDER = "{link}";

  private static final Pattern COLOR = Pattern.compile("#[0-9a-f]{6}");
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
  private static final Pattern DOMAIN =
      Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}");
  private static final Pattern HOST_NAME =
      Pattern.compile(
          "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]{2,45}");
  private static final Pattern SCRIPTING =
      Pattern.compile(
          "<\\s*(script|style|iframe|object|embed)\\b|\\son[a-z]+\\s*=|javascript\\s*:",
          Pattern.CASE_INSENSITIVE);

  /**
   * What imprint and footer HTML may contain: text formatting, paragraphs, lists, tables, links to
   * http, https and mailto addresses, and images. Links open with {@code rel="nofollow noopener"}.
   */
  private static final PolicyFactory HTML_POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.TABLES)
          .and(Sanitizers.IMAGES)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("a", "br", "hr", "small", "span", "div")
                  .allowAttributes("href")
                  .onElements("a")
                  .allowAttributes("title")
                  .globally()
                  .allowStandardUrlProtocols()
                  .requireRelsOnLinks("noopener", "nofollow")
                  .toFactory());

  private SettingValues() {}

  /**
   * The value as it is stored.
   *
   * @return the normalised value; {@code null} for a blank one, which means "not set"
   * @throws InvalidSettingValueException if it does not fit the key's type
   */
  public static String normalise(SettingKey key, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String value = raw.replace("\r\n", "\n").replace('\r', '\n').strip();
    if (value.length() > MAX_LENGTH) {
      throw new InvalidSettingValueException(key, "at most " + MAX_LENGTH + " characters");
    }
    return switch (key.type()) {
      case TEXT -> text(key, value);
      case LONG_TEXT -> longText(key, value);
      case HTML -> html(key, value);
      case EMAIL -> email(key, value);
      case URL -> url(key, value);
      case NUMBER -> number(key, value);
      case COLOR -> color(key, value);
      case DOMAIN_LIST -> domains(key, value);
      case HOST_LIST -> hosts(key, value);
      case CHOICE -> choice(key, value);
    };
  }

  /**
   * HTML reduced to what {@link SettingKey#IMPRINT_HTML} may contain; applied again where it is
   * shown, in case a value reached the database some other way.
   */
  public static String sanitiseHtml(String html) {
    return html == null ? "" : HTML_POLICY.sanitize(html);
  }

  private static String text(SettingKey key, String value) {
    if (value.length() > TEXT_MAX_LENGTH) {
      throw new InvalidSettingValueException(key, "at most " + TEXT_MAX_LENGTH + " characters");
    }
    if (value.indexOf('\n') >= 0 || value.indexOf('\t') >= 0 || CONTROL.matcher(value).find()) {
      throw new InvalidSettingValueException(key, "one line without control characters");
    }
    return value;
  }

  private static String longText(SettingKey key, String value) {
    if (CONTROL.matcher(value).find()) {
      throw new InvalidSettingValueException(key, "no control characters");
    }
    if (key == SettingKey.OPT_IN_TEXT && !value.contains(LINK_PLACEHOLDER)) {
      throw new InvalidSettingValueException(
          key, "the text must contain " + LINK_PLACEHOLDER + " where the confirmation link goes");
    }
    return value;
  }

  private static String html(SettingKey key, String value) {
    if (SCRIPTING.matcher(value).find()) {
      throw new InvalidSettingValueException(
          key, "no scripts, styles, frames, event handlers or javascript: links");
    }
    return sanitiseHtml(value);
  }

  private static String email(SettingKey key, String value) {
    try {
      return EmailAddress.of(value).value();
    } catch (InvalidEmailAddressException e) {
      throw new InvalidSettingValueException(key, "not a valid e-mail address");
    }
  }

  private static String url(SettingKey key, String value) {
    if (value.length() > URL_MAX_LENGTH) {
      throw new InvalidSettingValueException(key, "at most " + URL_MAX_LENGTH + " characters");
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!uri.isAbsolute()
          || !(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null) {
        throw new InvalidSettingValueException(key, "an absolute http or https address");
      }
      if (key == SettingKey.PUBLIC_BASE_URL) {
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
          throw new InvalidSettingValueException(key, "an address without query or fragment");
        }
        return value.replaceAll("/+$", "");
      }
      return value;
    } catch (URISyntaxException e) {
      throw new InvalidSettingValueException(key, "an absolute http or https address");
    }
  }

  private static String number(SettingKey key, String value) {
    if (!NUMBER.matcher(value).matches()) {
      throw new InvalidSettingValueException(key, "a whole number of at least 0");
    }
    return String.valueOf(Integer.parseInt(value));
  }

  private static String color(SettingKey key, String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (!COLOR.matcher(lower).matches()) {
      throw new InvalidSettingValueException(key, "a colour as #rrggbb");
    }
    return lower;
  }

  private static String domains(SettingKey key, String value) {
    Set<String> domains = new LinkedHashSet<>();
    for (String part : Arrays.stream(value.split("[\\s,;]+")).filter(s -> !s.isEmpty()).toList()) {
      String domain;
      try {
        domain = IDN.toASCII(part.toLowerCase(Locale.ROOT), IDN.USE_STD3_ASCII_RULES);
      } catch (IllegalArgumentException e) {
        throw new InvalidSettingValueException(key, "not a domain name: " + part);
      }
      if (!DOMAIN.matcher(domain).matches()) {
        throw new InvalidSettingValueException(key, "not a domain name: " + part);
      }
      domains.add(domain);
    }
    return String.join("\n", domains);
  }

  private static String hosts(SettingKey key, String value) {
    Set<String> hosts = new LinkedHashSet<>();
    for (String part : Arrays.stream(value.split("[\\s,;]+")).filter(s -> !s.isEmpty()).toList()) {
      String host = part.toLowerCase(Locale.ROOT);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      if (IPV4.matcher(host).matches() || (host.contains(":") && IPV6.matcher(host).matches())) {
        hosts.add(host);
        continue;
      }
      try {
        host = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
      } catch (IllegalArgumentException e) {
        throw new InvalidSettingValueException(key, "not a host name or IP address: " + part);
      }
      if (!HOST_NAME.matcher(host).matches() || host.matches("[0-9.]+")) {
        throw new InvalidSettingValueException(key, "not a host name or IP address: " + part);
      }
      hosts.add(host);
    }
    return String.join("\n", hosts);
  }

  private static String choice(SettingKey key, String value) {
    String upper = value.toUpperCase(Locale.ROOT);
    if (!key.choices().contains(upper)) {
      throw new InvalidSettingValueException(key, "one of " + String.join(", ", key.choices()));
    }
    return upper;
  }
}
