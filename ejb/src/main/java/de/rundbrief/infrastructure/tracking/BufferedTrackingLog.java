package de.rundbrief.infrastructure.tracking;

import de.rundbrief.domain.tracking.TrackingEvent;
import de.rundbrief.domain.tracking.TrackingLog;
import de.rundbrief.infrastructure.tenancy.ContainerTenantTransactions;
import de.rundbrief.infrastructure.tenancy.DatabaseDialect;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's tracking log: events wait in memory for at most about a second and are then
 * written in batches; on shutdown whatever waits is written. A crash loses that second's events,
 * which statistics can bear and a visitor waiting for the database could not.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BufferedTrackingLog implements TrackingLog {

  public static final String CAPACITY_PROPERTY = "rundbrief.tracking.queue-capacity";

  private static final Logger LOG = Logger.getLogger(BufferedTrackingLog.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;
  @Inject private ContainerTenantTransactions transactions;
  @Inject private DatabaseDialect dialect;

  @Inject
  @ConfigProperty(name = CAPACITY_PROPERTY, defaultValue = "200000")
  private int capacity;

  private TrackingWriter writer;
  private ScheduledFuture<?> flushes;
  private long reportedDrops;

  @PostConstruct
  void start() {
    writer =
        new TrackingWriter(transactions, dialect.hasRowLevelSecurity(), Math.max(1000, capacity));
    flushes = scheduler.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (flushes != null) {
      flushes.cancel(false);
    }
    while (writer.flush() > 0) {
      // write what the last second brought
    }
  }

  @Override
  public boolean record(TrackingEvent event) {
    return writer.record(event);
  }

  private void flush() {
    try {
      while (writer.flush() == TrackingWriter.BATCH) {
        // a full batch: more may wait
      }
      long dropped = writer.dropped();
      if (dropped > reportedDrops) {
        LOG.warning(
            (dropped - reportedDrops)
                + " tracking events dropped: the queue of "
                + capacity
                + " was full");
        reportedDrops = dropped;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Tracking events could not be written", e);
    }
  }
}
