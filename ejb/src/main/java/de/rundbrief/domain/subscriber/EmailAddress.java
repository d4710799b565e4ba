package de.rundbrief.domain.subscriber;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An e-mail address, trimmed and lower-cased so that one mailbox is one subscriber per tenant.
 * Accepts what mail servers deliver to in practice: a local part of letters, digits and {@code
 * .!#$%&'*+/=?^_`{|}~-}, an {@code @}, and a domain of at least two labels.
 */
@Embeddable
public class EmailAddress implements Serializable {

  public static final int MAX_LENGTH = 254;

  /** The syntax checked by {@link #of}; also used by Bean Validation on incoming data. */
  public static final String PATTERN =
      "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+";

  private static final Pattern VALID = Pattern.compile(PATTERN);

  @Column(name = "EMAIL", nullable = false, length = MAX_LENGTH)
  private String value;

  protected EmailAddress() {}

  private EmailAddress(String value) {
    this.value = value;
  }

  /**
   * @throws InvalidEmailAddressException if the text is not an e-mail address
   */
  public static EmailAddress of(String text) {
    if (text == null) {
      throw new InvalidEmailAddressException(null);
    }
    String normalised = text.strip().toLowerCase(Locale.ROOT);
    if (normalised.length() > MAX_LENGTH
        || !VALID.matcher(normalised).matches()
        || normalised.contains("..")
        || normalised.startsWith(".")
        || normalised.contains(".@")) {
      throw new InvalidEmailAddressException(text);
    }
    return new EmailAddress(normalised);
  }

  /**
   * The address with its local part hidden but for the first character ({@code j…@example.org}):
   * enough for its owner to recognise it on a public page, too little to harvest.
   */
  public String masked() {
    int at = value.lastIndexOf('@');
    return value.substring(0, value.offsetByCodePoints(0, 1)) + "\u2026" + value.substring(at);
  }

  public String value() {
    return value;
  }

  /** The address as a bean property, for Expression Language. */
  public String getValue() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EmailAddress that && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
