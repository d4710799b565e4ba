package de.rundbrief.domain.mailing;

import de.rundbrief.domain.NotFoundException;
import jakarta.ejb.ApplicationException;

/** No such template for the caller: not the tenant's, or a shared one not (yet) published. */
@ApplicationException(rollback = true)
public class TemplateNotFoundException extends NotFoundException {

  public TemplateNotFoundException(long id) {
    super("No template " + id);
  }
}
