package de.rundbrief.infrastructure.retention;

import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tenant.TenantRepository;
import de.rundbrief.infrastructure.cluster.ClusterDuties;
import de.rundbrief.infrastructure.cluster.ClusterDuty;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the retention settings ({@code RETENTION_UNCONFIRMED_DAYS}, {@code
 * RETENTION_SENDING_LOG_DAYS}, {@code RETENTION_IMPORT_REPORTS_DAYS}) every hour, tenant by tenant,
 * on the instance whose duty it is ({@link ClusterDuty#RETENTION}); one that loses the duty in the
 * middle stops after its tenant.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrations", "ClusterDuties"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionSweeper {

  private static final Logger LOG = Logger.getLogger(RetentionSweeper.class.getName());

  @Inject private TenantRepository tenants;
  @Inject private RetentionWork work;
  @Inject private Clock clock;
  @Inject private ClusterDuties duties;

  @Schedule(hour = "*", minute = "17", persistent = false)
  void hourly() {
    for (TenantKey tenant : tenants.allKeys()) {
      if (!duties.isMine(ClusterDuty.RETENTION)) {
        return;
      }
      try {
        RetentionWork.Deleted deleted = work.sweep(tenant, clock.instant());
        if (deleted.any()) {
          LOG.info(
              () ->
                  "Retention in "
                      + tenant
                      + ": "
                      + deleted.unconfirmedSubscriptions()
                      + " unconfirmed subscription(s), "
                      + deleted.sendingRecords()
                      + " sending record(s), "
                      + deleted.importReports()
                      + " import problem row(s) deleted");
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Retention sweep of " + tenant + " failed", e);
      }
    }
  }
}
