package de.rundbrief.domain.importing;

import de.rundbrief.domain.subscriber.EmailAddress;
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

  /**
   * Takes the address out of the problem reports of the tenant's imports, where a duplicate or
   * suppressed row named it: its owner had it erased. The rows stay, with their line and reason.
   *
   * @return the number of problem rows changed
   */
  int forgetAddress(EmailAddress address);
}
