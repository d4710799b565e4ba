package de.rundbrief.domain.importing;

import java.util.List;
import java.util.Optional;

/** The current tenant's import jobs. */
public interface ImportJobRepository {

  Optional<ImportJob> find(long id);

  /** Reads the job again; the worker changes it with plain SQL. */
  void refresh(ImportJob job);

  /** The list's jobs, newest first, at most {@code max}. */
  List<ImportJob> ofList(long listId, int max);

  /** Adds the job and writes it at once. */
  void add(ImportJob job);
}
