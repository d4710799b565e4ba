package de.rundbrief.domain.attribute;

import de.rundbrief.domain.TranslatableFailure;
import jakarta.ejb.ApplicationException;

/** A field that cannot be defined so: a bad key or label, a choice field without choices… */
@ApplicationException(rollback = true)
public class InvalidAttributeDefinitionException extends IllegalArgumentException
    implements TranslatableFailure {

  /** Why; each has its English text and a text of the screens' bundle. */
  public enum Reason {
    KEY("A field key is 1 to 32 lower-case letters, digits or _, starting with a letter"),
    LABEL(
        "A field needs a label of at most " + AttributeDefinition.LABEL_MAX_LENGTH + " characters"),
    NO_CHOICES("A choice field needs at least one choice"),
    CHOICES_TOO_LONG(
        "The choices have at most "
            + AttributeDefinition.CHOICES_MAX_LENGTH
            + " characters together"),
    KEY_OR_TYPE_CHANGED("A field's key and type cannot change");

    private final String english;

    Reason(String english) {
      this.english = english;
    }
  }

  private final Reason reason;

  public InvalidAttributeDefinitionException(Reason reason) {
    super(reason.english);
    this.reason = reason;
  }

  public Reason getReason() {
    return reason;
  }

  @Override
  public String messageKey() {
    return "fields.invalid." + reason.name();
  }

  @Override
  public Object[] messageArguments() {
    return new Object[] {
      AttributeDefinition.LABEL_MAX_LENGTH, AttributeDefinition.CHOICES_MAX_LENGTH
    };
  }
}
