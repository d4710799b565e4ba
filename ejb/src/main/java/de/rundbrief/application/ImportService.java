package de.rundbrief.application;

import de.rundbrief.domain.importing.ImportJob;
import de.rundbrief.domain.importing.ImportOptions;
import de.rundbrief.domain.importing.ImportProblem;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.InputStream;
import java.util.List;

/**
 * CSV imports into a tenant's lists. An upload becomes a job that runs in the background; staff can
 * leave and come back to it by its id. Imports never send confirmation mails: pending subscriptions
 * wait for the sending engine.
 */
@Local
public interface ImportService {

  /** The MicroProfile Config property with the largest upload in bytes. */
  String MAX_BYTES_PROPERTY = "rundbrief.import.max-bytes";

  /** Its default: 100 MiB. */
  long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

  /** The most problems or jobs one call returns. */
  int MAX_PAGE = 10_000;

  /**
   * Stores the file and queues its import into the list. The file is read as a stream and stored in
   * the database as it comes.
   *
   * @param declaredBytes the size the client announced, or -1 if unknown; a size above the limit is
   *     refused before anything is read
   * @throws de.rundbrief.domain.importing.UploadTooLargeException if the file is larger than
   *     {@value #MAX_BYTES_PROPERTY}; nothing is kept
   * @throws de.rundbrief.domain.mailinglist.MailingListNotFoundException if the tenant has no such
   *     list
   */
  ImportJob upload(
      @NotNull TenantKey tenant,
      long listId,
      @NotNull @Valid ImportOptions options,
      @NotNull InputStream file,
      long declaredBytes);

  /**
   * @throws de.rundbrief.domain.importing.ImportJobNotFoundException if the list has no such import
   */
  ImportJob get(@NotNull TenantKey tenant, long listId, long importId);

  /** The list's imports, newest first. */
  List<ImportJob> list(@NotNull TenantKey tenant, long listId, @Min(1) @Max(MAX_PAGE) int max);

  /** Up to {@code max} of the import's problems after {@code afterLine}, by line. */
  List<ImportProblem> problems(
      @NotNull TenantKey tenant,
      long listId,
      long importId,
      long afterLine,
      @Min(1) @Max(MAX_PAGE) int max);

  /**
   * Cancels a queued or running import: nothing of it is applied, and what it staged is removed.
   *
   * @throws de.rundbrief.domain.importing.ImportFinishedException if it has already ended
   */
  ImportJob cancel(@NotNull TenantKey tenant, long listId, long importId);
}
