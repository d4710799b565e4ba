package de.rundbrief.domain.statistics;

import jakarta.ejb.ApplicationException;

/** A period that ends before it starts, or is longer than statistics are read for at once. */
@ApplicationException(rollback = true)
public class InvalidPeriodException extends IllegalArgumentException {

  public InvalidPeriodException(String message) {
    super(message);
  }
}
