package de.rundbrief.infrastructure.cluster;

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
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which of the {@link ClusterDuty cluster's duties} this instance does. Every instance tries to
 * hold every duty's lease, at start-up and then every third of a lease's length; the one that holds
 * it keeps renewing it as long as it lives, the others find it taken. When the holder dies, its
 * leases expire and another instance takes them over within about one lease's length (at once when
 * it shuts down orderly, as it gives them up). A single instance holds them all.
 *
 * <p>Not EJB timers: a persistent timer is not reliably taken over by another instance.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterDuties {

  /** The server's configuration of a lease's length, in seconds. */
  public static final String LEASE_PROPERTY = "rundbrief.cluster.lease-seconds";

  private static final int SHORTEST_LEASE_SECONDS = 3;

  private static final Logger LOG = Logger.getLogger(ClusterDuties.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;

  @Resource(lookup = DatabaseDialect.DATASOURCE)
  private DataSource dataSource;

  @Inject private DatabaseDialect dialect;

  @Inject
  @ConfigProperty(name = LEASE_PROPERTY, defaultValue = "30")
  private int leaseSeconds;

  private final Map<ClusterDuty, ClusterLease> leases = new EnumMap<>(ClusterDuty.class);
  private String instance;
  private ScheduledFuture<?> renewals;

  @PostConstruct
  void start() {
    instance =
        ManagementFactory.getRuntimeMXBean().getName()
            + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    ClusterLeases table = new ClusterLeases(dataSource, dialect.hasRowLevelSecurity());
    Duration length = Duration.ofSeconds(Math.max(SHORTEST_LEASE_SECONDS, leaseSeconds));
    for (ClusterDuty duty : ClusterDuty.values()) {
      leases.put(duty, new ClusterLease(table, duty.leaseName(), instance, length));
    }
    renewAll();
    long every = length.toMillis() / 3;
    renewals =
        scheduler.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (renewals != null) {
      renewals.cancel(false);
    }
    for (ClusterLease lease : leases.values()) {
      try {
        lease.release();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "The lease " + lease.name() + " expires by itself", e);
      }
    }
  }

  /**
   * Whether this instance does the duty now. Work that takes a while asks again between its steps
   * and stops when the answer turns to no.
   */
  public boolean isMine(ClusterDuty duty) {
    return leases.get(duty).isHeld();
  }

  /** This instance's name among the cluster's: process, host and a random suffix. */
  public String instance() {
    return instance;
  }

  private void renewAll() {
    for (ClusterLease lease : leases.values()) {
      lease.renew();
    }
  }
}
