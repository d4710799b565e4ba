package de.rundbrief.domain.attribute;

import jakarta.ejb.ApplicationException;

/** A value that does not fit its field: not a number, not a date, not one of the choices… */
@ApplicationException(rollback = true)
public class InvalidAttributeValueException extends RuntimeException {

  private final String key;

  public InvalidAttributeValueException(String key, String reason) {
    super(reason);
    this.key = key;
  }

  /** The field's key. */
  public String getKey() {
    return key;
  }
}
