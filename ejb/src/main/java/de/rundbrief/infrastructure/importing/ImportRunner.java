package de.rundbrief.infrastructure.importing;

import de.rundbrief.domain.importing.ExistingSubscribers;
import de.rundbrief.domain.importing.ImportOptions;
import de.rundbrief.domain.importing.ImportState;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.importing.ImportParser.Chunk;
import de.rundbrief.infrastructure.importing.ImportUploads.PartsInputStream;
import de.rundbrief.infrastructure.security.AddressHasher;
import de.rundbrief.infrastructure.tenancy.TenantTransactions;
import de.rundbrief.infrastructure.tenancy.TenantWork;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one import job from its upload to its end state: reads and checks the file chunk by chunk,
 * one transaction per chunk that stages good rows, records problems and reports progress, then
 * applies everything staged in one last transaction. Between chunks it looks at the job's state, so
 * a cancel stops it; whatever goes wrong, the job ends as failed with its staged rows removed and
 * nothing applied.
 *
 * <p>It works through {@link TenantTransactions}, so the container's worker and plain tests run the
 * same code.
 */
public final class ImportRunner {

  /** Rows read and checked per transaction. */
  public static final int DEFAULT_CHUNK_ROWS = 20_000;

  static final String INTERRUPTED =
      "The import stopped on an unexpected error; nothing was imported."
          + " The server log has the details.";

  private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());

  private final TenantTransactions transactions;
  private final boolean postgreSql;
  private final byte[] addressHashKey;
  private final Clock clock;
  private int chunkRows = DEFAULT_CHUNK_ROWS;
  private TenantWork<Void> afterChunk = c -> null;
  private TenantWork<Void> afterApply = c -> null;

  public ImportRunner(
      TenantTransactions transactions, boolean postgreSql, byte[] addressHashKey, Clock clock) {
    this.transactions = transactions;
    this.postgreSql = postgreSql;
    this.addressHashKey = addressHashKey.clone();
    this.clock = clock;
  }

  public ImportRunner chunkRows(int rows) {
    this.chunkRows = rows;
    return this;
  }

  /** For tests: work done in its own transaction after each chunk's. */
  ImportRunner afterChunk(TenantWork<Void> work) {
    this.afterChunk = work;
    return this;
  }

  /** For tests: work done inside the final transaction, after the rows are applied. */
  ImportRunner afterApply(TenantWork<Void> work) {
    this.afterApply = work;
    return this;
  }

  /** Runs the job if it is still queued; returns the state it ends in. */
  public ImportState run(TenantKey tenant, long jobId) {
    Job job = transactions.inTenant(tenant, c -> start(c, jobId));
    if (job == null) {
      return transactions.inTenant(tenant, c -> ImportStaging.lock(c, jobId));
    }
    try {
      Set<String> suppressed =
          transactions.inTenant(tenant, c -> ImportStaging.suppressedHashes(c, tenant));
      Map<String, ImportParser.Field> fields =
          job.options.fieldColumns().isEmpty()
              ? Map.of()
              : transactions.inTenant(tenant, c -> ImportStaging.fields(c, tenant));
      InputStream upload =
          new PartsInputStream(
              n -> transactions.inTenant(tenant, c -> ImportUploads.part(c, jobId, n)));
      try (ImportParser parser =
          ImportParser.open(
              upload, job.options, fields, new AddressHasher(addressHashKey, tenant), suppressed)) {
        long problems = 0;
        for (Chunk chunk = parser.next(chunkRows); chunk != null; chunk = parser.next(chunkRows)) {
          problems += chunk.problems().size();
          long problemsSoFar = problems;
          Chunk staged = chunk;
          boolean open =
              transactions.inTenant(
                  tenant,
                  c -> {
                    if (ImportStaging.lock(c, jobId) != ImportState.RUNNING) {
                      return false;
                    }
                    ImportStaging.stage(c, postgreSql, tenant, jobId, staged.rows());
                    ImportStaging.problems(c, tenant, jobId, staged.problems());
                    ImportStaging.progress(
                        c,
                        jobId,
                        parser.bytesRead(),
                        parser.rowsRead(),
                        problemsSoFar,
                        clock.instant());
                    return true;
                  });
          if (!open) {
            return stopped(tenant, jobId);
          }
          transactions.inTenant(tenant, afterChunk);
        }
      }
      return transactions.inTenant(
                  tenant,
                  c -> {
                    if (ImportStaging.lock(c, jobId) != ImportState.RUNNING) {
                      return null;
                    }
                    ImportApply.Counts counts =
                        ImportApply.apply(
                            c, postgreSql, tenant, jobId, job.listId, job.options, clock.instant());
                    afterApply.run(c);
                    ImportStaging.done(c, jobId, counts, clock.instant());
                    return ImportState.DONE;
                  })
              == ImportState.DONE
          ? ImportState.DONE
          : stopped(tenant, jobId);
    } catch (ImportFileException e) {
      return fail(tenant, jobId, e.getMessage());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.SEVERE, "Import " + jobId + " of tenant " + tenant + " failed", e);
      return fail(tenant, jobId, INTERRUPTED);
    }
  }

  /** The job was ended by someone else (cancelled, or failed as stale): clear up what is left. */
  private ImportState stopped(TenantKey tenant, long jobId) {
    return transactions.inTenant(
        tenant,
        c -> {
          ImportState state = ImportStaging.lock(c, jobId);
          ImportStaging.discard(c, jobId);
          return state;
        });
  }

  private ImportState fail(TenantKey tenant, long jobId, String reason) {
    return transactions.inTenant(
        tenant,
        c -> {
          ImportStaging.end(c, jobId, ImportState.FAILED, reason, clock.instant());
          return ImportStaging.lock(c, jobId);
        });
  }

  private record Job(long listId, ImportOptions options) {}

  private Job start(Connection c, long jobId) throws SQLException {
    if (!ImportStaging.start(c, jobId, clock.instant())) {
      return null;
    }
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT mailing_list_id, email_column, first_name_column, last_name_column,"
                + " existing_mode, legal_basis, charset, separator_char, field_columns"
                + " FROM import_job WHERE id = ?")) {
      select.setLong(1, jobId);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        String separator = row.getString(8);
        return new Job(
            row.getLong(1),
            new ImportOptions(
                row.getString(2),
                row.getString(3),
                row.getString(4),
                ExistingSubscribers.valueOf(row.getString(5)),
                row.getString(6),
                row.getString(7),
                separator == null || separator.isEmpty() ? null : separator.charAt(0),
                ImportOptions.fieldColumnsOf(row.getString(9))));
      }
    }
  }
}
