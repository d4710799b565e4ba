package de.rundbrief.domain.cms;

import de.rundbrief.domain.NotFoundException;
import jakarta.ejb.ApplicationException;

/** No CMS source with this id. */
@ApplicationException(rollback = true)
public class CmsSourceNotFoundException extends NotFoundException {

  public CmsSourceNotFoundException(long id) {
    super("No CMS source " + id);
  }
}
