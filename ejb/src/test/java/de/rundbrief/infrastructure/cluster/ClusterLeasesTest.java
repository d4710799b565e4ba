package de.rundbrief.infrastructure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.infrastructure.persistence.SchemaMigrations;
import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lease table on PostgreSQL (as the application's role) and on the embedded H2 database: one
 * holder at a time, renewal by the holder, take-over after expiry or release, and one winner among
 * many instances that try at the same moment.
 */
class ClusterLeasesTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final AtomicInteger names = new AtomicInteger();

  record Database(DataSource dataSource, boolean postgreSql) {
    ClusterLeases leases() {
      return new ClusterLeases(dataSource, postgreSql);
    }
  }

  static Stream<Named<Database>> databases() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:cluster-leases-test;DB_CLOSE_DELAY=-1");
    SchemaMigrations.migrate(h2);
    return Stream.of(
        Named.of("PostgreSQL", new Database(PostgresDatabase.get().app(), true)),
        Named.of("H2", new Database(h2, false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aFreeLeaseGoesToTheFirstHolderAndNotToTheNext(Database db) {
    ClusterLeases leases = db.leases();
    String lease = newName();

    assertThat(leases.holder(lease)).isEmpty();
    assertThat(leases.tryHold(lease, "first", MINUTE)).isTrue();
    assertThat(leases.tryHold(lease, "second", MINUTE)).isFalse();
    assertThat(leases.holder(lease)).contains("first");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theHolderRenewsItsLeaseFromTheDatabasesClock(Database db) throws Exception {
    ClusterLeases leases = db.leases();
    String lease = newName();
    assertThat(leases.tryHold(lease, "first", Duration.ofSeconds(10))).isTrue();
    double before = secondsLeft(db, lease);

    assertThat(leases.tryHold(lease, "first", MINUTE)).isTrue();

    assertThat(before).isBetween(8.0, 10.0);
    assertThat(secondsLeft(db, lease)).isBetween(58.0, 60.0);
    assertThat(leases.tryHold(lease, "second", MINUTE)).isFalse();
    assertThat(leases.holder(lease)).contains("first");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anExpiredLeaseGoesToTheNextHolder(Database db) throws Exception {
    ClusterLeases leases = db.leases();
    String lease = newName();
    assertThat(leases.tryHold(lease, "first", Duration.ofSeconds(1))).isTrue();
    assertThat(leases.tryHold(lease, "second", MINUTE)).isFalse();

    Thread.sleep(1200);

    assertThat(leases.holder(lease)).isEmpty();
    assertThat(leases.tryHold(lease, "second", MINUTE)).isTrue();
    assertThat(leases.holder(lease)).contains("second");
    assertThat(leases.tryHold(lease, "first", MINUTE)).as("the first holder's comeback").isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theLiveLeasesOfAPrefixAreCountedAndExpiredOnesAreNot(Database db) throws Exception {
    ClusterLeases leases = db.leases();
    String prefix = "m" + names.incrementAndGet() + "_%:";
    assertThat(leases.tryHold(prefix + "a", "a", MINUTE)).isTrue();
    assertThat(leases.tryHold(prefix + "b", "b", MINUTE)).isTrue();
    assertThat(leases.tryHold(prefix + "c", "c", Duration.ofMillis(200))).isTrue();
    assertThat(leases.tryHold("m" + names.get() + "x:d", "d", MINUTE))
        .as("not of the prefix, though LIKE's wildcards would take it")
        .isTrue();

    assertThat(leases.held(prefix)).isEqualTo(3);
    Thread.sleep(1_200);
    assertThat(leases.held(prefix)).as("c's lease expired").isEqualTo(2);
    leases.release(prefix + "a", "a");
    assertThat(leases.held(prefix)).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aReleasedLeaseIsFreeAtOnceButOnlyItsHolderReleasesIt(Database db) {
    ClusterLeases leases = db.leases();
    String lease = newName();
    assertThat(leases.tryHold(lease, "first", MINUTE)).isTrue();

    leases.release(lease, "second");
    assertThat(leases.holder(lease)).contains("first");
    leases.release(lease, "first");

    assertThat(leases.holder(lease)).isEmpty();
    assertThat(leases.tryHold(lease, "second", MINUTE)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void manyInstancesTryingAtOnceYieldOneHolder(Database db) throws Exception {
    ClusterLeases leases = db.leases();
    int instances = 12;
    ExecutorService threads = Executors.newFixedThreadPool(instances);
    try {
      for (int round = 0; round < 10; round++) {
        String lease = newName();
        if (round % 2 == 1) {
          // every other round the lease exists and has just expired: the update path contends
          assertThat(leases.tryHold(lease, "gone", Duration.ofMillis(1))).isTrue();
          Thread.sleep(20);
        }
        CyclicBarrier start = new CyclicBarrier(instances);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
          String holder = "instance-" + i;
          attempts.add(
              threads.submit(
                  () -> {
                    start.await();
                    return leases.tryHold(lease, holder, MINUTE);
                  }));
        }
        List<String> winners = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
          if (attempts.get(i).get()) {
            winners.add("instance-" + i);
          }
        }
        assertThat(winners).as("round " + round).hasSize(1);
        assertThat(leases.holder(lease)).contains(winners.get(0));
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static String newName() {
    return "test-lease-" + names.incrementAndGet();
  }

  private static double secondsLeft(Database db, String lease) {
    String left =
        db.postgreSql()
            ? "SELECT EXTRACT(EPOCH FROM expires_at - CURRENT_TIMESTAMP) FROM cluster_lease"
                + " WHERE name = ?"
            : "SELECT DATEDIFF(MILLISECOND, CURRENT_TIMESTAMP, expires_at) / 1000.0"
                + " FROM cluster_lease WHERE name = ?";
    return Double.parseDouble(Sql.column(db.dataSource(), left, lease).get(0));
  }
}
