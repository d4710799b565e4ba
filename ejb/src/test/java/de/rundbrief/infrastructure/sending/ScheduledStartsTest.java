package de.rundbrief.infrastructure.sending;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.domain.mailing.Mailing;
import de.rundbrief.domain.mailing.MailingContent;
import de.rundbrief.domain.mailing.MailingRepository;
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
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
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
 * application's role: with the duty's lease one instance starts it; without, the database lets one
 * start fix the recipients and refuses the other.
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
  void withoutTheLeaseTheDatabaseLetsOneOfTwoStartsAtOnceFixTheRecipients() throws Exception {
    CyclicBarrier bothReadItScheduled = new CyclicBarrier(2);
    List<Future<?>> starts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      starts.add(
          instances.submit(
              () ->
                  startIfDue(
                      TenantKey.of(tenant),
                      mailing,
                      () -> {
                        try {
                          bothReadItScheduled.await(10, TimeUnit.SECONDS);
                        } catch (Exception e) {
                          throw new IllegalStateException(e);
                        }
                      })));
    }
    List<String> refused = new ArrayList<>();
    for (Future<?> start : starts) {
      try {
        start.get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        refused.add(String.valueOf(e.getCause().getMessage()));
      }
    }

    assertThat(refused)
        .as("starts the database refused")
        .singleElement()
        .asString()
        .contains("pk_mailing_recipient");
    assertThat(recipients()).containsExactlyInAnyOrderElementsOf(members);
    assertThat(statusAndCount()).isEqualTo("SENDING/3");
  }

  /**
   * What {@link MailingStarts#startIfDue} does in the container, with a hook after the mailing was
   * read as scheduled.
   */
  private void startIfDue(TenantKey tenantKey, long id, Runnable afterRead) {
    jpa.inTenant(
        tenantKey.value(),
        em -> {
          MailingRepository mailings = Repositories.mailings(em);
          Mailing scheduled = mailings.find(id).orElseThrow();
          if (scheduled.getStatus() != MailingStatus.SCHEDULED) {
            return null;
          }
          afterRead.run();
          int count = mailings.fixRecipients(scheduled, List.of());
          scheduled.start(count, null, Instant.now());
          return null;
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
