package de.rundbrief.infrastructure.importing;

import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tenant.TenantRepository;
import de.rundbrief.infrastructure.cluster.ClusterDuties;
import de.rundbrief.infrastructure.cluster.ClusterDuty;
import de.rundbrief.infrastructure.tenancy.TenantContext;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Fails the import jobs whose worker stopped reporting, at start-up and every minute: a worker
 * reports after every chunk, so silence for {@link #STALE_AFTER} means its server stopped under it.
 * The job's staged rows and upload go with it; nothing of it was applied. Only the instance whose
 * duty it is ({@link ClusterDuty#IMPORT_SWEEP}) sweeps.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrations", "ClusterDuties"})
public class ImportJobSweeper {

  /** Longer than a worker ever stays silent, including the final transaction of a large file. */
  public static final Duration STALE_AFTER = Duration.ofMinutes(10);

  static final String STOPPED =
      "The server stopped while the import was running; nothing was imported. Upload the file"
          + " again.";

  private static final Logger LOG = Logger.getLogger(ImportJobSweeper.class.getName());

  @Inject private TenantRepository tenants;
  @Inject private TenantContext context;
  @Inject private Clock clock;
  @Inject private ClusterDuties duties;

  @PostConstruct
  void atStartup() {
    sweep();
  }

  @Schedule(hour = "*", minute = "*", persistent = false)
  void everyMinute() {
    sweep();
  }

  private void sweep() {
    if (!duties.isMine(ClusterDuty.IMPORT_SWEEP)) {
      return;
    }
    List<TenantKey> all = tenants.allKeys();
    if (all.isEmpty()) {
      return;
    }
    context.enterAcross(all);
    Instant now = clock.instant();
    try {
      int failed =
          ImportStaging.failStale(context.connection(), now.minus(STALE_AFTER), STOPPED, now);
      if (failed > 0) {
        LOG.warning(() -> failed + " interrupted import(s) marked as failed");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot look for interrupted imports", e);
    }
  }
}
