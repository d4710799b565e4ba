package de.rundbrief.domain.segment;

import jakarta.ejb.ApplicationException;

/** A segment rule that cannot be run: unknown field, operator not for this field, bad value. */
@ApplicationException(rollback = true)
public class InvalidSegmentException extends IllegalArgumentException {

  public InvalidSegmentException(String message) {
    super(message);
  }
}
