package de.rundbrief.infrastructure.sending;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.mail.VerpAddresses;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sending engine against the build's PostgreSQL and GreenMail on loopback: who gets what, with
 * which headers, what is skipped, and that nothing is lost when a worker dies or the mail server is
 * away for a while.
 */
class SendingRunnerTest {

  private static int tenants;

  private final SendingFixture db = new SendingFixture();
  private GreenMail smtp;
  private int port;
  private String tenant;
  private long list;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @BeforeEach
  void setUp() throws Exception {
    port = freePort();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    // the engine works on every tenant's mailings: none of other tests may be left sending
    de.rundbrief.testsupport.Sql.update(
        db.owner, "UPDATE mailing SET status = 'CANCELLED' WHERE status IN ('SENDING', 'PAUSED')");
    tenant = "send-" + (++tenants) + "-" + System.nanoTime() % 100_000;
    db.tenant(tenant);
    list = db.list(tenant, "Newsletter");
    db.global.put(SettingKey.SENDING_CONNECTIONS, "2");
    db.global.put(SettingKey.SENDING_FAIR_SHARE, "10");
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
    smtp.stop();
    db.close();
  }

  @Test
  void sendsEverySubscribedRecipientOncePersonalisedWithUnsubscribeAndVerpHeaders()
      throws Exception {
    List<Long> recipients = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      recipients.add(
          db.subscriber(tenant, "reader" + i + "@example.org", "Ada" + i, list, "SUBSCRIBED"));
    }
    long mailing =
        db.sendingMailing(tenant, list, "<p>Hallo {{ firstName | Leserin }}</p>", recipients);

    runUntilIdle(db.runner(port, "worker-a"), 2);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(25);
    assertThat(
            java.util.Arrays.stream(received)
                .map(SendingRunnerTest::to)
                .collect(Collectors.toSet()))
        .hasSize(25);
    MimeMessage first = byRecipient(received, "reader3@example.org");
    assertThat(first.getSubject()).isEqualTo("Hallo Ada3");
    assertThat(first.getFrom()[0].toString()).isEqualTo("Redaktion <news@nord.example>");
    assertThat(first.getHeader("List-Unsubscribe-Post"))
        .containsExactly("List-Unsubscribe=One-Click");
    assertThat(first.getHeader("List-Unsubscribe")[0])
        .startsWith("<" + SendingFixture.BASE_URL + "/api/v1/public/unsubscribe/");
    long subscriber = recipients.get(3);
    assertThat(first.getMessageID())
        .isEqualTo("<rb." + tenant + "." + mailing + "." + subscriber + "@nord.example>");
    String returnPath = first.getHeader("Return-Path")[0].replaceAll("[<>]", "");
    assertThat(db.verp.decode(returnPath))
        .contains(new VerpAddresses.Recipient(TenantKey.of(tenant), mailing, subscriber));
    String body = GreenMailUtil.getBody(first);
    assertThat(body).contains("Hallo Ada3").contains("Tochter GmbH, Hafenstr. 1");
    assertThat(body).contains(SendingFixture.BASE_URL + "/unsubscribe.xhtml?token=");

    assertThat(db.states(mailing).values()).hasSize(25).allMatch("SENT"::equals);
    assertThat(db.status(mailing)).isEqualTo("SENT");
  }

  @Test
  void aDeactivatedTenantsMailingWaitsAndGoesOnWhenTheTenantIsActiveAgain() throws Exception {
    List<Long> recipients = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      recipients.add(db.subscriber(tenant, "d" + i + "@example.org", "D" + i, list, "SUBSCRIBED"));
    }
    long mailing = db.sendingMailing(tenant, list, "<p>Hi</p>", recipients);
    String other = tenant + "-other";
    db.tenant(other);
    long otherList = db.list(other, "Newsletter");
    long otherMailing =
        db.sendingMailing(
            other,
            otherList,
            "<p>Hi</p>",
            List.of(db.subscriber(other, "o@example.org", "O", otherList, "SUBSCRIBED")));
    de.rundbrief.testsupport.Sql.update(
        db.owner, "UPDATE tenant SET status = 'DEACTIVATED' WHERE tenant_key = ?", tenant);
    try {
      de.rundbrief.testsupport.Sql.update(
          db.owner,
          "UPDATE mailing SET status = 'SCHEDULED', scheduled_at = CURRENT_TIMESTAMP"
              + " - INTERVAL '1' HOUR WHERE id IN (?, ?)",
          mailing,
          otherMailing);
      assertThat(
              db
                  .transactions()
                  .acrossTenants(c -> RecipientQueue.due(c, java.time.Instant.now()))
                  .stream()
                  .map(RecipientQueue.Active::mailingId))
          .as("nor does a scheduled one of the deactivated tenant start")
          .contains(otherMailing)
          .doesNotContain(mailing);
      de.rundbrief.testsupport.Sql.update(
          db.owner,
          "UPDATE mailing SET status = 'SENDING', scheduled_at = NULL WHERE id IN (?, ?)",
          mailing,
          otherMailing);

      runUntilIdle(db.runner(port, "worker-a"), 2);

      assertThat(smtp.getReceivedMessages())
          .extracting(SendingRunnerTest::to)
          .as("only the active tenant's mailing goes out")
          .containsExactly("o@example.org");
      assertThat(db.status(otherMailing)).isEqualTo("SENT");
      assertThat(db.states(mailing).values()).hasSize(30).allMatch("QUEUED"::equals);
      assertThat(db.status(mailing)).isEqualTo("SENDING");
    } finally {
      de.rundbrief.testsupport.Sql.update(
          db.owner, "UPDATE tenant SET status = 'ACTIVE' WHERE tenant_key = ?", tenant);
    }

    runUntilIdle(db.runner(port, "worker-a"), 2);

    assertThat(smtp.getReceivedMessages()).hasSize(31);
    assertThat(db.states(mailing).values()).allMatch("SENT"::equals);
    assertThat(db.status(mailing)).isEqualTo("SENT");
  }

  @Test
  void skipsWhoLeftTheListsWasSuppressedOrBlockedMeanwhile() throws Exception {
    long stays = db.subscriber(tenant, "stays@example.org", "Ada", list, "SUBSCRIBED");
    long left = db.subscriber(tenant, "left@example.org", "Bea", list, "UNSUBSCRIBED");
    long suppressed = db.subscriber(tenant, "gone@example.org", "Cy", list, "SUBSCRIBED");
    long blocked = db.subscriber(tenant, "blocked@example.org", "Di", list, "SUBSCRIBED");
    long mailing =
        db.sendingMailing(tenant, list, "<p>Hi</p>", List.of(stays, left, suppressed, blocked));
    db.suppress(tenant, "gone@example.org");
    de.rundbrief.testsupport.Sql.update(
        db.owner, "UPDATE subscriber SET status = 'BLOCKED' WHERE id = ?", blocked);

    runUntilIdle(db.runner(port, "worker-a"), 1);

    assertThat(smtp.getReceivedMessages())
        .extracting(SendingRunnerTest::to)
        .containsExactly("stays@example.org");
    assertThat(db.states(mailing))
        .containsEntry("stays@example.org", "SENT")
        .containsEntry("left@example.org", "SKIPPED:" + SendingRunner.UNSUBSCRIBED)
        .containsEntry("gone@example.org", "SKIPPED:" + SendingRunner.SUPPRESSED)
        .containsEntry("blocked@example.org", "SKIPPED:" + SendingRunner.INACTIVE + "blocked");
    assertThat(db.status(mailing)).isEqualTo("SENT");
  }

  @Test
  void recipientsOfAWorkerThatDiedAreSentByAnotherAfterTheLease() throws Exception {
    List<Long> recipients = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      recipients.add(db.subscriber(tenant, "r" + i + "@example.org", "R" + i, list, "SUBSCRIBED"));
    }
    long mailing = db.sendingMailing(tenant, list, "<p>Hi</p>", recipients);
    // a worker of a server that was killed: it claimed four and its lease has run out
    db.inTransaction(
        tenant,
        c ->
            RecipientQueue.claim(
                c,
                true,
                TenantKey.of(tenant),
                mailing,
                "killed-server",
                Instant.now().minusSeconds(1),
                Instant.now(),
                4));
    assertThat(db.states(mailing).values()).filteredOn("SENDING"::equals).hasSize(4);

    runUntilIdle(db.runner(port, "survivor"), 1);

    assertThat(smtp.getReceivedMessages()).hasSize(6);
    assertThat(db.states(mailing).values()).allMatch("SENT"::equals);
  }

  @Test
  void aMailServerThatIsAwayMakesSendingWaitAndLosesNothing() throws Exception {
    List<Long> recipients = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      recipients.add(db.subscriber(tenant, "w" + i + "@example.org", "W" + i, list, "SUBSCRIBED"));
    }
    long mailing = db.sendingMailing(tenant, list, "<p>Hi</p>", recipients);
    smtp.stop();
    SendingRunner runner = db.runner(port, "waiting");
    runner.tick();
    Future<?> worker = pool.submit(() -> runner.work(() -> false));
    Thread.sleep(1500);
    assertThat(db.states(mailing).values()).allMatch(state -> state.equals("QUEUED"));

    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    worker.get(30, TimeUnit.SECONDS);
    runUntilIdle(runner, 1);

    assertThat(smtp.getReceivedMessages()).hasSize(8);
    assertThat(db.states(mailing).values()).allMatch("SENT"::equals);
  }

  @Test
  void aSmallMailingIsNotHeldBackByALargeOne() throws Exception {
    long otherList = db.list(tenant, "Presse");
    List<Long> large = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      large.add(db.subscriber(tenant, "big" + i + "@example.org", "B", list, "SUBSCRIBED"));
    }
    long big = db.sendingMailing(tenant, list, "<p>big</p>", large);
    List<Long> small = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      small.add(db.subscriber(tenant, "small" + i + "@example.org", "S", otherList, "SUBSCRIBED"));
    }
    long little = db.sendingMailing(tenant, otherList, "<p>small</p>", small);

    runUntilIdle(db.runner(port, "fair"), 1);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(65);
    int lastSmall = 0;
    for (int i = 0; i < received.length; i++) {
      if (to(received[i]).startsWith("small")) {
        lastSmall = i;
      }
    }
    // the fair share is 10: the small mailing's turn comes after the first ten of the large one
    assertThat(lastSmall).isLessThan(20);
    assertThat(db.status(big)).isEqualTo("SENT");
    assertThat(db.status(little)).isEqualTo("SENT");
  }

  @Test
  void pausingStopsAWorkerWithinASecondAndCancellingSkipsTheRest() throws Exception {
    db.global.put(SettingKey.SENDING_PER_SECOND, "10");
    db.global.put(SettingKey.SENDING_FAIR_SHARE, "100");
    List<Long> recipients = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      recipients.add(db.subscriber(tenant, "p" + i + "@example.org", "P", list, "SUBSCRIBED"));
    }
    long mailing = db.sendingMailing(tenant, list, "<p>Hi</p>", recipients);
    SendingRunner runner = db.runner(port, "pausing");
    runner.tick();
    Future<?> worker = pool.submit(() -> runner.work(() -> false));
    Thread.sleep(1_000);
    de.rundbrief.testsupport.Sql.update(
        db.owner, "UPDATE mailing SET status = 'PAUSED' WHERE id = ?", mailing);
    worker.get(10, TimeUnit.SECONDS);
    long sent = db.states(mailing).values().stream().filter("SENT"::equals).count();
    assertThat(sent).isBetween(5L, 40L);
    assertThat(db.states(mailing).values()).filteredOn("SENDING"::equals).isEmpty();
    Thread.sleep(500);
    assertThat(smtp.getReceivedMessages()).hasSize((int) sent);

    de.rundbrief.testsupport.Sql.update(
        db.owner, "UPDATE mailing SET status = 'SENDING' WHERE id = ?", mailing);
    runner.tick();
    worker = pool.submit(() -> runner.work(() -> false));
    Thread.sleep(1_000);
    de.rundbrief.testsupport.Sql.update(
        db.owner, "UPDATE mailing SET status = 'CANCELLED' WHERE id = ?", mailing);
    worker.get(10, TimeUnit.SECONDS);
    runner.tick();

    Map<String, String> states = db.states(mailing);
    assertThat(states.values())
        .allMatch(
            s ->
                s.equals("SENT")
                    || s.equals("SKIPPED:" + SendingRunner.CANCELLED)
                    || s.equals("QUEUED"));
    long sentInTheEnd = states.values().stream().filter("SENT"::equals).count();
    assertThat(sentInTheEnd).isGreaterThan(sent).isLessThan(60);
    assertThat(smtp.getReceivedMessages()).hasSize((int) sentInTheEnd);
  }

  /** Ticks and runs workers until no mailing has work left. */
  private void runUntilIdle(SendingRunner runner, int workers) throws Exception {
    for (int round = 0; round < 20; round++) {
      runner.tick();
      if (!runner.hasWork()) {
        return;
      }
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        running.add(pool.submit(() -> runner.work(() -> false)));
      }
      for (Future<?> worker : running) {
        worker.get(60, TimeUnit.SECONDS);
      }
    }
    throw new AssertionError("Sending did not finish");
  }

  private static String to(MimeMessage message) {
    try {
      return message.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MimeMessage byRecipient(MimeMessage[] messages, String address) {
    return java.util.Arrays.stream(messages)
        .filter(m -> to(m).equals(address))
        .findFirst()
        .orElseThrow();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
