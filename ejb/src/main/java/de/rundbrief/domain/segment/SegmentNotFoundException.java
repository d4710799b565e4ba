package de.rundbrief.domain.segment;

import de.rundbrief.domain.NotFoundException;
import jakarta.ejb.ApplicationException;

/** No segment with this id in the current tenant. */
@ApplicationException(rollback = true)
public class SegmentNotFoundException extends NotFoundException {

  public SegmentNotFoundException(long id) {
    super("No segment " + id);
  }
}
