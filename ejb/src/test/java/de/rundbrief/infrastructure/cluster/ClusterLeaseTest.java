package de.rundbrief.infrastructure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.testsupport.PostgresDatabase;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * One instance's view of a lease on PostgreSQL: held from a successful renewal for the lease's
 * length by this JVM's monotonic clock, given up when another holds it, and no longer believed held
 * when the database cannot be reached to renew it.
 */
class ClusterLeaseTest {

  private static final Duration LENGTH = Duration.ofSeconds(30);

  private final AtomicBoolean databaseAway = new AtomicBoolean();
  private final ClusterLeases leases = new ClusterLeases(reachable(), true);
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final String name = "lease-view-" + System.nanoTime();

  @Test
  void aRenewedLeaseIsHeldForItsLengthWithoutAskingTheDatabaseAgain() {
    ClusterLease lease = new ClusterLease(leases, name, "first", LENGTH, nanos::get);
    assertThat(lease.isHeld()).isFalse();

    assertThat(lease.renew()).isTrue();
    databaseAway.set(true);

    nanos.addAndGet(LENGTH.minusMillis(1).toNanos());
    assertThat(lease.isHeld()).isTrue();
    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(lease.isHeld()).isFalse();
  }

  @Test
  void anInstanceThatCannotRenewStopsHoldingWhenItsTimeIsUp() {
    ClusterLease lease = new ClusterLease(leases, name, "first", LENGTH, nanos::get);
    assertThat(lease.renew()).isTrue();
    nanos.addAndGet(Duration.ofSeconds(20).toNanos());
    databaseAway.set(true);

    assertThat(lease.renew()).as("still within the last renewal's time").isTrue();
    nanos.addAndGet(Duration.ofSeconds(10).toNanos());
    assertThat(lease.renew()).isFalse();
    assertThat(lease.isHeld()).isFalse();
  }

  @Test
  void theSecondInstanceTakesOverWhenTheFirstStopsRenewing() throws Exception {
    Duration shortLease = Duration.ofSeconds(1);
    ClusterLease first = new ClusterLease(leases, name, "first", shortLease);
    ClusterLease second = new ClusterLease(leases, name, "second", shortLease);
    assertThat(first.renew()).isTrue();
    assertThat(second.renew()).isFalse();

    Thread.sleep(1200);

    assertThat(first.isHeld()).isFalse();
    assertThat(second.renew()).isTrue();
    assertThat(first.renew()).isFalse();
    assertThat(leases.holder(name)).contains("second");
  }

  @Test
  void aReleasedLeaseGoesToTheNextInstanceAtOnce() {
    ClusterLease first = new ClusterLease(leases, name, "first", LENGTH);
    ClusterLease second = new ClusterLease(leases, name, "second", LENGTH);
    assertThat(first.renew()).isTrue();
    assertThat(second.renew()).isFalse();

    first.release();

    assertThat(first.isHeld()).isFalse();
    assertThat(second.renew()).isTrue();
    assertThat(leases.holder(name)).contains("second");
  }

  /** The application's PostgreSQL role, until the test takes the database away. */
  private DataSource reachable() {
    DataSource app = PostgresDatabase.get().app();
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection") && databaseAway.get()) {
                throw new SQLException("Connection refused", "08001");
              }
              return method.invoke(app, args);
            });
  }
}
