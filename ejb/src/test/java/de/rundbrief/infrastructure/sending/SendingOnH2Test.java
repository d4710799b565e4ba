package de.rundbrief.infrastructure.sending;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.infrastructure.persistence.SchemaMigrations;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The sending engine on the embedded H2 database of the demo run, which has no {@code SKIP LOCKED}:
 * workers take turns to claim, and every recipient still gets the mailing once.
 */
class SendingOnH2Test {

  @Test
  void twoWorkersSendEveryRecipientOnce() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:sending-test;DB_CLOSE_DELAY=-1");
    SchemaMigrations.migrate(h2);
    SendingFixture db = new SendingFixture(h2, h2, false);
    db.global.put(SettingKey.SENDING_FAIR_SHARE, "7");
    db.tenant("h2-send");
    long list = db.list("h2-send", "Newsletter");
    List<Long> recipients = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      recipients.add(db.subscriber("h2-send", "h2-" + i + "@example.org", "H", list, "SUBSCRIBED"));
    }
    long mailing = db.sendingMailing("h2-send", list, "<p>Hallo {{ firstName }}</p>", recipients);
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      SendingRunner runner = db.runner(smtp.getSmtp().getPort(), "h2");
      for (int round = 0; round < 5 && !"SENT".equals(db.status(mailing)); round++) {
        runner.tick();
        Future<?> first = pool.submit(() -> runner.work(() -> false));
        Future<?> second = pool.submit(() -> runner.work(() -> false));
        first.get(60, TimeUnit.SECONDS);
        second.get(60, TimeUnit.SECONDS);
      }

      assertThat(db.status(mailing)).isEqualTo("SENT");
      assertThat(db.states(mailing).values()).hasSize(40).containsOnly("SENT");
      List<String> to = new ArrayList<>();
      for (MimeMessage message : smtp.getReceivedMessages()) {
        to.add(recipient(message));
      }
      assertThat(to).hasSize(40).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
      smtp.stop();
      db.close();
    }
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void trackingEventsAreWrittenAndCountedOnH2() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:tracking-test;DB_CLOSE_DELAY=-1");
    SchemaMigrations.migrate(h2);
    SendingFixture db = new SendingFixture(h2, h2, false);
    db.tenant("h2-track");
    long list = db.list("h2-track", "Newsletter");
    long ada = db.subscriber("h2-track", "ada@example.org", "Ada", list, "SUBSCRIBED");
    long mailing = db.sendingMailing("h2-track", list, "<p>Hallo</p>", List.of(ada));
    de.rundbrief.infrastructure.tracking.TrackingWriter writer =
        new de.rundbrief.infrastructure.tracking.TrackingWriter(db.transactions(), false, 10);
    java.time.Instant at = java.time.Instant.parse("2026-11-28T10:15:00Z");
    for (int i = 0; i < 2; i++) {
      writer.record(
          new de.rundbrief.domain.tracking.TrackingEvent(
              de.rundbrief.domain.tenant.TenantKey.of("h2-track"),
              mailing,
              ada,
              de.rundbrief.domain.tracking.TrackingKind.CLICK,
              0,
              at.plusSeconds(i),
              null,
              "Mozilla/5.0 (X11)",
              false));
    }
    assertThat(writer.flush()).isEqualTo(2);
    assertThat(
            de.rundbrief.testsupport.Sql.column(
                h2,
                "SELECT link_index || ':' || events FROM tracking_count WHERE mailing_id = ?",
                mailing))
        .containsExactly("0:2");
    assertThat(
            de.rundbrief.testsupport.Sql.column(
                h2,
                "SELECT link_index FROM tracking_recipient WHERE mailing_id = ? ORDER BY link_index",
                mailing))
        .containsExactly("-1", "0");
    writer.record(
        new de.rundbrief.domain.tracking.TrackingEvent(
            de.rundbrief.domain.tenant.TenantKey.of("h2-track"),
            mailing,
            ada,
            de.rundbrief.domain.tracking.TrackingKind.CLICK,
            0,
            at.plusSeconds(5),
            null,
            "Mozilla/5.0 (X11)",
            false));
    writer.flush();
    assertThat(
            de.rundbrief.testsupport.Sql.column(
                h2, "SELECT events FROM tracking_count WHERE mailing_id = ?", mailing))
        .as("the counter of that hour went up, the recipient is still counted once")
        .containsExactly("3");
    assertThat(
            de.rundbrief.testsupport.Sql.column(
                h2, "SELECT COUNT(*) FROM tracking_recipient WHERE mailing_id = ?", mailing))
        .containsExactly("2");
  }
}
