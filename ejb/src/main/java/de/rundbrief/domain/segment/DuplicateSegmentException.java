package de.rundbrief.domain.segment;

import jakarta.ejb.ApplicationException;

/** The tenant has a segment with this name already. */
@ApplicationException(rollback = true)
public class DuplicateSegmentException extends RuntimeException {

  public DuplicateSegmentException(String name) {
    super("A segment named " + name + " exists already");
  }
}
