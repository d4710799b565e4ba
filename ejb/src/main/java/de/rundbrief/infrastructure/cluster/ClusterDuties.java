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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
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
 * <p>Each instance also holds a lease of its own, {@code member:<instance>}, for as long as it
 * lives: counting them tells how many instances share the work, so that the sending limits central
 * administrators set hold for the whole cluster.
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

  /** The prefix of the instances' own leases. */
  static final String MEMBER_PREFIX = "member:";

  private final Map<ClusterDuty, ClusterLease> leases = new EnumMap<>(ClusterDuty.class);
  private ClusterLeases table;
  private ClusterLease membership;
  private volatile int members = 1;
  private String instance;
  private ScheduledFuture<?> renewals;

  @PostConstruct
  void start() {
    instance =
        ManagementFactory.getRuntimeMXBean().getName()
            + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    table = new ClusterLeases(dataSource, dialect.hasRowLevelSecurity());
    Duration length = Duration.ofSeconds(Math.max(SHORTEST_LEASE_SECONDS, leaseSeconds));
    for (ClusterDuty duty : ClusterDuty.values()) {
      leases.put(duty, new ClusterLease(table, duty.leaseName(), instance, length));
    }
    // lease names have at most 64 characters; the instance's random suffix is at its end
    String member = MEMBER_PREFIX + instance.substring(Math.max(0, instance.length() - 56));
    membership = new ClusterLease(table, member, instance, length);
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
    List<ClusterLease> all = new ArrayList<>(leases.values());
    all.add(membership);
    for (ClusterLease lease : all) {
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

  /**
   * How many instances are alive now (holding their own lease), at least 1; counted at every
   * renewal.
   */
  public int members() {
    return members;
  }

  /** This instance's name among the cluster's: process, host and a random suffix. */
  public String instance() {
    return instance;
  }

  private void renewAll() {
    for (ClusterLease lease : leases.values()) {
      lease.renew();
    }
    membership.renew();
    try {
      members = Math.max(1, table.held(MEMBER_PREFIX));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot count the cluster's instances; keeping " + members, e);
    }
  }
}
