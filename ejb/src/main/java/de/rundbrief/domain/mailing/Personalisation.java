package de.rundbrief.domain.mailing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with placeholders, parsed once and filled for each recipient: {@code {{ firstName }}},
 * {@code {{ field.company | Ihre Firma }}} (a fallback after the bar, used where the recipient has
 * no value). The names are {@link #FIRST_NAME}, {@link #LAST_NAME}, {@link #EMAIL} and {@code
 * field.<key>} for the tenant's fields; {@link #check} refuses any other before a mailing is saved,
 * so that an unknown name is an error at once, not a blank in every mail.
 */
public final class Personalisation {

  public static final String FIRST_NAME = "firstName";
  public static final String LAST_NAME = "lastName";
  public static final String EMAIL = "email";

  /** Prefix of a tenant field's placeholder: {@code field.company}. */
  public static final String FIELD_PREFIX = "field.";

  /** A placeholder: a name and an optional fallback, which cannot itself contain braces. */
  public static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.-]*)\\s*(?:\\|([^{}]*))?}}");

  private static final Set<String> BUILT_IN = Set.of(FIRST_NAME, LAST_NAME, EMAIL);

  private sealed interface Part permits Literal, Placeholder {}

  private record Literal(String text) implements Part {}

  private record Placeholder(String name, String fallback) implements Part {}

  private final List<Part> parts;

  /** The length of the literal text plus some room per placeholder: a rendering's usual size. */
  private final int expectedLength;

  private Personalisation(List<Part> parts) {
    this.parts = List.copyOf(parts);
    int length = 0;
    for (Part part : parts) {
      length += part instanceof Literal literal ? literal.text().length() : 16;
    }
    this.expectedLength = length;
  }

  public static Personalisation parse(String template) {
    List<Part> parts = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(template == null ? "" : template);
    int last = 0;
    while (matcher.find()) {
      if (matcher.start() > last) {
        parts.add(new Literal(template.substring(last, matcher.start())));
      }
      String fallback = matcher.group(2) == null ? "" : matcher.group(2).strip();
      parts.add(new Placeholder(matcher.group(1), fallback));
      last = matcher.end();
    }
    if (template != null && last < template.length()) {
      parts.add(new Literal(template.substring(last)));
    }
    return new Personalisation(parts);
  }

  /** How many pieces the template has: literal texts and placeholders, as a target numbers them. */
  public int pieces() {
    return parts.size();
  }

  /** The placeholder names used, in order of first use. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (Part part : parts) {
      if (part instanceof Placeholder placeholder) {
        names.add(placeholder.name());
      }
    }
    return names;
  }

  /** The field keys used ({@code company} for {@code field.company}). */
  public Set<String> fieldKeys() {
    Set<String> keys = new LinkedHashSet<>();
    for (String name : names()) {
      if (name.startsWith(FIELD_PREFIX)) {
        keys.add(name.substring(FIELD_PREFIX.length()));
      }
    }
    return keys;
  }

  /**
   * Fills the placeholders.
   *
   * @param values a recipient's value for a name, {@code null} or blank where it has none
   * @param escape applied to values (HTML escaping for an HTML body), not to fallbacks, which are
   *     the author's own text in the body's own syntax
   */
  public String render(Function<String, String> values, UnaryOperator<String> escape) {
    StringBuilder text = new StringBuilder(expectedLength);
    for (Part part : parts) {
      if (part instanceof Literal literal) {
        text.append(literal.text());
      } else if (part instanceof Placeholder placeholder) {
        String value = values.apply(placeholder.name());
        text.append(
            value == null || value.isBlank() ? placeholder.fallback() : escape.apply(value));
      }
    }
    return text.toString();
  }

  /** Receives a rendering piece by piece, the template's own text apart from what is filled in. */
  public interface Target {

    /**
     * A piece of the template's own text.
     *
     * @param index the piece's number in the template: the same text for the same number
     */
    void literal(int index, String text);

    /** What a placeholder became: a value, escaped, or its fallback. */
    void filled(String text);
  }

  /** Fills the placeholders as {@link #render(Function, UnaryOperator)} does, into the target. */
  public void render(Function<String, String> values, UnaryOperator<String> escape, Target target) {
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      if (part instanceof Literal literal) {
        target.literal(i, literal.text());
      } else if (part instanceof Placeholder placeholder) {
        String value = values.apply(placeholder.name());
        target.filled(
            value == null || value.isBlank() ? placeholder.fallback() : escape.apply(value));
      }
    }
  }

  /**
   * @param fieldKeys the keys of the tenant's fields
   * @throws InvalidMailingException naming every unknown placeholder of the texts, or the first
   *     {@code {{} or {@code }}} that belongs to no placeholder ({@code {{firstName}}, {@code {{
   *     first name }}}): it would go out to every recipient as it is written
   */
  public static void check(Set<String> fieldKeys, String... texts) {
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      String outside = PLACEHOLDER.matcher(text).replaceAll(" ");
      if (outside.contains("{{") || outside.contains("}}")) {
        int at = outside.contains("{{") ? outside.indexOf("{{") : outside.indexOf("}}");
        throw new InvalidMailingException(
            "A placeholder is written {{ name }} or {{ name | fallback }}; this text has {{ or }}"
                + " outside one: \""
                + outside
                    .substring(Math.max(0, at - 20), Math.min(outside.length(), at + 22))
                    .strip()
                + "\"");
      }
    }
    Set<String> unknown = new TreeSet<>();
    for (String text : texts) {
      for (String name : parse(text).names()) {
        boolean known =
            BUILT_IN.contains(name)
                || name.startsWith(FIELD_PREFIX)
                    && fieldKeys.contains(name.substring(FIELD_PREFIX.length()));
        if (!known) {
          unknown.add(name);
        }
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidMailingException(
          "Unknown placeholder(s): "
              + String.join(", ", unknown)
              + ". Known are firstName, lastName, email and field.<key> of the tenant's fields.");
    }
  }
}
