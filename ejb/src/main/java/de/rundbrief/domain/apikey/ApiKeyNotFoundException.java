package de.rundbrief.domain.apikey;

import de.rundbrief.domain.NotFoundException;
import jakarta.ejb.ApplicationException;

/** No API key with this id in the current tenant. */
@ApplicationException(rollback = true)
public class ApiKeyNotFoundException extends NotFoundException {

  public ApiKeyNotFoundException(long id) {
    super("No API key " + id);
  }
}
