package de.rundbrief.domain.attribute;

import de.rundbrief.domain.TranslatableFailure;
import jakarta.ejb.ApplicationException;
import java.text.MessageFormat;
import java.util.Locale;

/** A value that does not fit its field: not a number, not a date, not one of the choices… */
@ApplicationException(rollback = true)
public class InvalidAttributeValueException extends RuntimeException
    implements TranslatableFailure {

  /** Why a value does not fit; each has its English text and a text of the screens' bundle. */
  public enum Reason {
    NO_SUCH_FIELD("The tenant has no field {0}"),
    REQUIRED("A value is required"),
    TEXT_TOO_LONG("At most {1} characters, no line breaks"),
    NOT_A_NUMBER("Not a number: {0}"),
    NOT_A_DATE("Not a date (yyyy-mm-dd): {0}"),
    NOT_YES_OR_NO("Not yes or no: {0}"),
    NOT_A_CHOICE("Not one of the choices: {0}");

    private final String english;

    Reason(String english) {
      this.english = english;
    }
  }

  private final String key;
  private final Reason reason;
  private final String value;

  /**
   * @param key the field's key
   * @param value the value as given, or {@code null} where the reason needs none
   */
  public InvalidAttributeValueException(String key, Reason reason, String value) {
    super(
        new MessageFormat(reason.english, Locale.ROOT)
            .format(new Object[] {value, AttributeDefinition.TEXT_MAX_LENGTH}));
    this.key = key;
    this.reason = reason;
    this.value = value;
  }

  /** The field's key. */
  public String getKey() {
    return key;
  }

  public Reason getReason() {
    return reason;
  }

  /** {@code fields.value.NOT_A_NUMBER} and so on: {@code {0}} the value, {@code {1}} a limit. */
  @Override
  public String messageKey() {
    return "fields.value." + reason.name();
  }

  @Override
  public Object[] messageArguments() {
    return new Object[] {value, AttributeDefinition.TEXT_MAX_LENGTH};
  }
}
