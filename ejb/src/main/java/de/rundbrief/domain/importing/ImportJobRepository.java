package de.rundbrief.domain.importing;

import java.util.List;
import java.util.Optional;

/** The current tenant's import jobs. */
public interface ImportJobRepository {

  Optional<ImportJob> find(long id);

  /** The job, locked until the transaction ends, so that workers and staff take turns. */
  Optional<ImportJob> lock(long id);

  /** The list's jobs, newest first, at most {@code max}. */
  List<ImportJob> ofList(long listId, int max);

  void add(ImportJob job);
}
