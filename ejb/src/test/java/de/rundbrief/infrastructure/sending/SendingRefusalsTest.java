package de.rundbrief.infrastructure.sending;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.testsupport.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the sending engine makes of a mail server that refuses: postfix's smtp-sink on loopback
 * refusing every recipient for good (5xx), for now (4xx), or hanging up in the middle of a message.
 */
class SendingRefusalsTest {

  private final SendingFixture db = new SendingFixture();
  private final ExecutorService pool = Executors.newSingleThreadExecutor();
  private String tenant;
  private long list;

  @BeforeEach
  void setUp() {
    Sql.update(
        db.owner, "UPDATE mailing SET status = 'CANCELLED' WHERE status IN ('SENDING', 'PAUSED')");
    tenant = "refuse-" + System.nanoTime() % 1_000_000;
    db.tenant(tenant);
    list = db.list(tenant, "Newsletter");
    db.global.put(SettingKey.SENDING_CONNECTIONS, "1");
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
    db.close();
  }

  @Test
  void aPermanentRefusalFailsTheRecipientAtOnceWithTheServersReply() throws Exception {
    long mailing = mailingTo(3);
    try (SmtpSink sink = SmtpSink.start("-f", "rcpt")) {
      SendingRunner runner = db.runner(sink.port(), "refused");
      runner.tick();
      pool.submit(() -> runner.work(() -> false)).get(30, TimeUnit.SECONDS);
      runner.tick();
      pool.submit(() -> runner.work(() -> false)).get(30, TimeUnit.SECONDS);
    }

    assertThat(db.states(mailing).values())
        .hasSize(3)
        .allSatisfy(state -> assertThat(state).matches("FAILED:5\\d\\d .*"));
    assertThat(attempts(mailing)).containsOnly("1");
    assertThat(db.status(mailing)).isEqualTo("SENT");
  }

  @Test
  void aServerRefusingSomeRecipientsFailsThoseWithItsReplyAndSendsTheOthersOverTheSameConnection()
      throws Exception {
    refusingSomeRecipients(false);
  }

  @Test
  void aPipeliningServerRefusingSomeRecipientsFailsThoseAlikeAndSendsTheOthers() throws Exception {
    refusingSomeRecipients(true);
  }

  private void refusingSomeRecipients(boolean pipelining) throws Exception {
    long mailing = mailingTo(8);
    java.util.function.Predicate<String> refused =
        address ->
            address.startsWith("r2-") || address.startsWith("r5-") || address.startsWith("r6-");
    try (SelectiveSmtpServer server =
        pipelining
            ? SelectiveSmtpServer.pipeliningAndRefusing(refused)
            : SelectiveSmtpServer.refusing(refused)) {
      SendingRunner runner = db.runner(server.port(), "picky");
      runner.tick();
      pool.submit(() -> runner.work(() -> false)).get(30, TimeUnit.SECONDS);

      assertThat(server.delivered())
          .as("every accepted recipient once, no refused one")
          .hasSize(5)
          .doesNotHaveDuplicates()
          .noneMatch(to -> to.startsWith("r2-") || to.startsWith("r5-") || to.startsWith("r6-"));
      assertThat(server.connectionsOpened())
          .as("a refused recipient does not cost the connection")
          .isEqualTo(1);
      assertThat(server.pipelined()).isEqualTo(pipelining ? 8 : 0);
    }

    Map<String, String> states = db.states(mailing);
    assertThat(states).hasSize(8);
    assertThat(states.values().stream().filter(s -> s.equals("SENT"))).hasSize(5);
    assertThat(states.values().stream().filter(s -> s.startsWith("FAILED")))
        .hasSize(3)
        .allSatisfy(state -> assertThat(state).contains("550 5.1.1").contains("User unknown"));
    assertThat(attempts(mailing)).containsOnly("1");
    assertThat(db.status(mailing)).isEqualTo("SENT");
  }

  @Test
  void aTemporaryRefusalIsTriedAgainWithBackoffThenGivenUp() throws Exception {
    long mailing = mailingTo(2);
    try (SmtpSink sink = SmtpSink.start("-r", "rcpt")) {
      SendingRunner runner = db.runner(sink.port(), "later");
      runner.tick();
      pool.submit(() -> runner.work(() -> false)).get(30, TimeUnit.SECONDS);
      assertThat(db.states(mailing).values())
          .allSatisfy(state -> assertThat(state).matches("QUEUED:4\\d\\d .*"));
      assertThat(attempts(mailing)).containsOnly("1");

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (db.states(mailing).values().stream().anyMatch(s -> s.startsWith("QUEUED"))
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
        runner.tick();
        pool.submit(() -> runner.work(() -> false)).get(30, TimeUnit.SECONDS);
      }
    }

    assertThat(db.states(mailing).values())
        .allSatisfy(
            state ->
                assertThat(state)
                    .startsWith(
                        "FAILED:Gave up after " + SendingRunner.MAX_ATTEMPTS + " attempts: 4"));
    assertThat(attempts(mailing)).containsOnly(String.valueOf(SendingRunner.MAX_ATTEMPTS));
  }

  @Test
  void aServerThatHangsUpInTheMiddleOfAMessageCostsNoAttemptAndLosesNobody() throws Exception {
    long mailing = mailingTo(2);
    AtomicBoolean stop = new AtomicBoolean();
    try (SmtpSink sink = SmtpSink.start("-q", "data")) {
      SendingRunner runner = db.runner(sink.port(), "hung-up");
      runner.tick();
      Future<?> worker = pool.submit(() -> runner.work(stop::get));
      Thread.sleep(2_000);
      stop.set(true);
      worker.get(30, TimeUnit.SECONDS);
    }

    assertThat(db.states(mailing).values()).containsOnly("QUEUED");
    assertThat(attempts(mailing)).containsOnly("0");
  }

  private long mailingTo(int count) {
    List<Long> recipients = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      recipients.add(
          db.subscriber(tenant, "r" + i + "-" + tenant + "@example.org", "R", list, "SUBSCRIBED"));
    }
    return db.sendingMailing(tenant, list, "<p>Hallo</p>", recipients);
  }

  private List<String> attempts(long mailing) {
    return Sql.column(
        db.owner, "SELECT attempts FROM mailing_recipient WHERE mailing_id = ?", mailing);
  }
}
