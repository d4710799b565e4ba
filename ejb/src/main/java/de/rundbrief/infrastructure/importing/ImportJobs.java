package de.rundbrief.infrastructure.importing;

import de.rundbrief.domain.importing.ImportProblem;
import de.rundbrief.domain.importing.ImportState;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.security.AddressHasher;
import de.rundbrief.infrastructure.security.ApplicationSecrets;
import de.rundbrief.infrastructure.tenancy.ContainerTenantTransactions;
import de.rundbrief.infrastructure.tenancy.DatabaseDialect;
import de.rundbrief.infrastructure.tenancy.TenantContext;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The import engine as the application services use it, inside their tenant-bound transaction:
 * store an upload, cancel a job, read its problems, and start a worker once the upload is
 * committed. Workers run on the server's default managed executor; the job's state is in the
 * database, so a worker that dies with its server leaves a job that {@link ImportJobSweeper} fails.
 */
@ApplicationScoped
public class ImportJobs {

  private static final Logger LOG = Logger.getLogger(ImportJobs.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  private ManagedExecutorService executor;

  @Resource private TransactionSynchronizationRegistry transaction;

  @EJB private ContainerTenantTransactions worker;
  @EJB private ApplicationSecrets secrets;
  @Inject private TenantContext context;
  @Inject private DatabaseDialect dialect;
  @Inject private Clock clock;

  /**
   * Stores the upload of a job that has been written already.
   *
   * @return the number of bytes stored
   * @throws de.rundbrief.domain.importing.UploadTooLargeException beyond {@code maxBytes}
   */
  public long storeUpload(TenantKey tenant, long jobId, InputStream file, long maxBytes) {
    try {
      return ImportUploads.store(context.connection(), tenant, jobId, file, maxBytes);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot store the upload", e);
    }
  }

  /**
   * Cancels an open job and removes what it staged.
   *
   * @return the state the job had; it changed only if that was an open one
   */
  public ImportState cancel(long jobId) {
    try {
      return ImportStaging.end(
          context.connection(), jobId, ImportState.CANCELLED, null, clock.instant());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot cancel import " + jobId, e);
    }
  }

  /** Up to {@code max} of the job's problems after the given line, by line. */
  public List<ImportProblem> problems(long jobId, long afterLine, int max) {
    try {
      return ImportStaging.problemsAfter(context.connection(), jobId, afterLine, max);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the problems of import " + jobId, e);
    }
  }

  /** Starts a worker for the job when the current transaction commits, and never if it does not. */
  public void startAfterCommit(TenantKey tenant, long jobId) {
    transaction.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            // nothing to do before
          }

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              executor.execute(() -> run(tenant, jobId));
            }
          }
        });
  }

  private void run(TenantKey tenant, long jobId) {
    try {
      new ImportRunner(
              worker, dialect.hasRowLevelSecurity(), secrets.key(AddressHasher.KEY_NAME), clock)
          .run(tenant, jobId);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Import " + jobId + " of tenant " + tenant + " could not end", e);
    }
  }
}
