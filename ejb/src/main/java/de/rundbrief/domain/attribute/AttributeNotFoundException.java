package de.rundbrief.domain.attribute;

import de.rundbrief.domain.NotFoundException;
import jakarta.ejb.ApplicationException;

/** No field with this id in the current tenant. */
@ApplicationException(rollback = true)
public class AttributeNotFoundException extends NotFoundException {

  public AttributeNotFoundException(Object id) {
    super("No field " + id);
  }
}
