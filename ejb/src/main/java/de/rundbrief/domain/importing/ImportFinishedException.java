package de.rundbrief.domain.importing;

import jakarta.ejb.ApplicationException;

/** The import has already ended (done, failed or cancelled), so it cannot be cancelled. */
@ApplicationException(rollback = true)
public class ImportFinishedException extends RuntimeException {

  public ImportFinishedException(long id, ImportState state) {
    super("The import " + id + " has already ended: " + state);
  }
}
