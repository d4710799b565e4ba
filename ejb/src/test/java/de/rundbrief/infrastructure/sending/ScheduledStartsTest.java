package de.rundbrief.infrastructure.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rundbrief.domain.mailing.Mailing;
import de.rundbrief.domain.mailing.MailingContent;
import de.rundbrief.domain.mailing.MailingRepository;
import de.rundbrief.domain.mailing.MailingStateException;
import de.rundbrief.domain.mailing.MailingStatus;
import de.rundbrief.domain.mailing.SenderIdentity;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.cluster.ClusterLease;
import de.rundbrief.infrastructure.cluster.ClusterLeases;
import de.rundbrief.infrastructure.persistence.Repositories;
import de.rundbrief.testsupport.Jpa;
import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scheduled mailing that is due on two instances at the same moment, on PostgreSQL as the
 * application's role: with the duty's lease one instance starts it; without, the mailing's row lock
 * makes the second start wait and find it sending.
 */
class ScheduledStartsTest {

  private static int tenants;
  private static Jpa jpa;

  private final SendingFixture db = new SendingFixture();
  private final ExecutorService instances = Executors.newFixedThreadPool(2);
  private String tenant;
  private List<Long> members;
  private long mailing;

  @BeforeAll
  static void units() {
    jpa = new Jpa(PostgresDatabase.get().app());
  }

  @AfterAll
  static void close() {
    jpa.close();
  }

  @BeforeEach
  void aDueScheduledMailingToThreeMembers() {
    tenant = "scheduled-" + (++tenants) + "-" + System.nanoTime() % 100_000;
    db.tenant(tenant);
    long list = db.list(tenant, "Newsletter");
    members = new ArrayList<>();
    for (String name : List.of("anna", "ben", "cleo")) {
      members.add(db.subscriber(tenant, name + "@example.org", name, list, "SUBSCRIBED"));
    }
    Instant due = Instant.now().minusSeconds(5);
    mailing =
        jpa.inTenant(
            tenant,
            em -> {
              Mailing scheduled =
                  new Mailing(
                      "Herbst",
                      "de",
                      new MailingContent(
                          "Neues",
                          null,
                          new SenderIdentity("Redaktion", "news@example.com"),
                          null,
                          "<p>Hallo</p>",
                          "Hallo",
                          false),
                      due.minusSeconds(60));
              scheduled.target(Set.of(list), Set.of());
              scheduled.schedule(due, due.minusSeconds(60));
              Repositories.mailings(em).add(scheduled);
              em.flush();
              return scheduled.getId();
            });
  }

  @AfterEach
  void tearDown() {
    instances.shutdownNow();
    db.close();
  }

  @Test
  void twoInstancesAtOnceStartTheMailingOnceUnderTheDutysLease() throws Exception {
    String lease = "scheduled-mailings-" + tenant;
    List<String> starters = new CopyOnWriteArrayList<>();
    CyclicBarrier together = new CyclicBarrier(2);
    List<Future<Integer>> ticks = new ArrayList<>();
    for (String instance : List.of("first", "second")) {
      ClusterLease duty =
          new ClusterLease(
              new ClusterLeases(db.app, true), lease, instance, Duration.ofSeconds(30));
      ScheduledStarts starts =
          new ScheduledStarts(
              db.transactions(),
              duty::isHeld,
              (tenantKey, id) -> {
                if (id == mailing) {
                  starters.add(instance);
                  startIfDue(tenantKey, id, () -> {});
                }
              },
              Clock.systemUTC());
      ticks.add(
          instances.submit(
              () -> {
                together.await(10, TimeUnit.SECONDS);
                duty.renew();
                return starts.startDue();
              }));
    }
    for (Future<Integer> tick : ticks) {
      tick.get(30, TimeUnit.SECONDS);
    }

    assertThat(starters).as("instances that started the mailing").hasSize(1);
    assertThat(recipients()).containsExactlyInAnyOrderElementsOf(members);
    assertThat(statusAndCount()).isEqualTo("SENDING/3");
  }

  @Test
  void withoutTheLeaseTwoStartsAtOnceRunOneAfterTheOtherAndTheSecondChangesNothing()
      throws Exception {
    CountDownLatch firstHoldsTheRow = new CountDownLatch(1);
    Future<Boolean> first =
        instances.submit(
            () ->
                startIfDue(
                    TenantKey.of(tenant),
                    mailing,
                    () -> {
                      firstHoldsTheRow.countDown();
                      pause(500); // the second start reaches the row meanwhile
                    }));
    assertThat(firstHoldsTheRow.await(10, TimeUnit.SECONDS)).isTrue();
    long waitedSince = System.nanoTime();
    Future<Boolean> second = instances.submit(() -> startIfDue(TenantKey.of(tenant), mailing));

    assertThat(first.get(30, TimeUnit.SECONDS)).as("the first start").isTrue();
    assertThat(second.get(30, TimeUnit.SECONDS)).as("the second start").isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - waitedSince))
        .as("the second start waited for the first one's row lock")
        .isGreaterThan(Duration.ofMillis(300));
    assertThat(recipients()).containsExactlyInAnyOrderElementsOf(members);
    assertThat(statusAndCount()).isEqualTo("SENDING/3");
  }

  @Test
  void aMailingThatIsAlreadySendingIsNotLaunchedAgainAndGetsNoSecondRecipients() throws Exception {
    assertThat(startIfDue(TenantKey.of(tenant), mailing)).isTrue();

    assertThatThrownBy(
            () ->
                jpa.inTenant(
                    tenant,
                    em -> {
                      Mailing sending = Repositories.mailings(em).findForStart(mailing).get();
                      sending.checkStartable();
                      return null;
                    }))
        .isInstanceOf(MailingStateException.class)
        .hasMessage("A mailing that is sending cannot be started");
    assertThat(recipients()).containsExactlyInAnyOrderElementsOf(members);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private boolean startIfDue(TenantKey tenantKey, long id) {
    return startIfDue(tenantKey, id, () -> {});
  }

  /**
   * What {@link MailingStarts#startIfDue} does in the container, with a hook after the mailing was
   * read as scheduled; true if this call started it.
   */
  private boolean startIfDue(TenantKey tenantKey, long id, Runnable afterRead) {
    return jpa.inTenant(
        tenantKey.value(),
        em -> {
          MailingRepository mailings = Repositories.mailings(em);
          Mailing scheduled = mailings.findForStart(id).orElseThrow();
          if (scheduled.getStatus() != MailingStatus.SCHEDULED) {
            return false;
          }
          afterRead.run();
          int count = mailings.fixRecipients(scheduled, List.of());
          scheduled.start(count, null, Instant.now());
          return true;
        });
  }

  private List<Long> recipients() {
    return Sql.column(
            db.owner, "SELECT subscriber_id FROM mailing_recipient WHERE mailing_id = ?", mailing)
        .stream()
        .map(Long::valueOf)
        .toList();
  }

  private String statusAndCount() {
    return Sql.column(
            db.owner, "SELECT status || '/' || recipient_count FROM mailing WHERE id = ?", mailing)
        .get(0);
  }
}
