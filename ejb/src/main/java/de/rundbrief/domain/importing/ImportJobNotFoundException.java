package de.rundbrief.domain.importing;

import de.rundbrief.domain.NotFoundException;
import jakarta.ejb.ApplicationException;

/** No import with this id for this list in the current tenant. */
@ApplicationException(rollback = true)
public class ImportJobNotFoundException extends NotFoundException {

  public ImportJobNotFoundException(long id) {
    super("No import " + id);
  }
}
