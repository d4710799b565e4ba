package de.rundbrief.infrastructure.sending;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.subscriber.SubscriberRepository;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tracking.MailingStatistics;
import de.rundbrief.domain.tracking.TrackingEvent;
import de.rundbrief.domain.tracking.TrackingKind;
import de.rundbrief.domain.tracking.TrackingToken;
import de.rundbrief.infrastructure.consent.AesGcmConsentTokens;
import de.rundbrief.infrastructure.persistence.Repositories;
import de.rundbrief.infrastructure.tracking.AesGcmTrackingTokens;
import de.rundbrief.infrastructure.tracking.TrackingWriter;
import de.rundbrief.testsupport.Jpa;
import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tracking from the sent message to the statistics, on PostgreSQL: links and pixel in every
 * message, events written in the background with the scanner rule applied, counted per tenant only,
 * and linked to nobody once the subscriber is gone.
 */
class TrackedSendingTest {

  private static final Pattern CLICK =
      Pattern.compile("https://news\\.example\\.com/t/c/([A-Za-z0-9_-]+)");
  private static final Pattern OPEN =
      Pattern.compile("https://news\\.example\\.com/t/o/([A-Za-z0-9_-]+)");
  private static int tenants;

  private final SendingFixture db = new SendingFixture();
  private final AesGcmTrackingTokens tokens =
      new AesGcmTrackingTokens("tracking key of thirty-two bytes".getBytes());
  private GreenMail smtp;
  private int port;
  private String tenant;
  private long list;

  @BeforeEach
  void setUp() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Sql.update(
        db.owner, "UPDATE mailing SET status = 'CANCELLED' WHERE status IN ('SENDING', 'PAUSED')");
    tenant = "track-" + (++tenants) + "-" + System.nanoTime() % 100_000;
    db.tenant(tenant);
    list = db.list(tenant, "Newsletter");
  }

  @AfterEach
  void tearDown() {
    smtp.stop();
    db.close();
  }

  @Test
  void everyMessageIsTrackedAndEventsBecomeStatisticsOfThisTenantOnly() throws Exception {
    long ada = db.subscriber(tenant, "ada@example.org", "Ada", list, "SUBSCRIBED");
    long bea = db.subscriber(tenant, "bea@example.org", "Bea", list, "SUBSCRIBED");
    String body =
        "<p><a href=\"https://nord.example/angebot?k=1&amp;b=2\">Angebot</a>"
            + " <a href=\"https://nord.example/blog\">Blog</a></p>";
    long mailing = db.sendingMailing(tenant, list, body, List.of(ada, bea));

    send(db.runner(port, "worker-t").tracking(tokens));

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    String adaHtml = html(received, "ada@example.org");
    List<String> clicks = all(CLICK, adaHtml);
    assertThat(clicks).hasSize(2);
    assertThat(all(OPEN, adaHtml)).hasSize(1);
    assertThat(adaHtml).doesNotContain("href=\"https://nord.example/angebot");
    assertThat(adaHtml).contains("https://news.example.com/unsubscribe.xhtml?token=");
    String unsubscribe =
        received[0].getHeader("List-Unsubscribe")[0].replaceAll("^.*/unsubscribe/|>.*$", "");
    assertThat(
            new AesGcmConsentTokens(SendingFixture.TOKEN_KEY, Clock.systemUTC())
                .open(unsubscribe)
                .mailing())
        .as("the unsubscribe link names the mailing, for its statistics")
        .isEqualTo(mailing);
    TrackingToken first = tokens.open(clicks.get(0));
    assertThat(first.subscriberId()).isEqualTo(ada);
    assertThat(first.mailingId()).isEqualTo(mailing);
    assertThat(first.linkIndex()).isZero();
    assertThat(first.target()).isEqualTo(URI.create("https://nord.example/angebot?k=1&b=2"));

    TrackingWriter writer = new TrackingWriter(db.transactions(), true, 100);
    Instant sentToBea =
        Instant.parse(
            Sql.column(
                    db.owner,
                    "SELECT to_char(sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
                        + " FROM mailing_recipient WHERE tenant_id = ? AND subscriber_id = ?",
                    tenant,
                    bea)
                .get(0));
    TenantKey key = TenantKey.of(tenant);
    Instant later = Instant.now().plusSeconds(300);
    writer.record(event(key, mailing, ada, TrackingKind.OPEN, null, later, false));
    writer.record(event(key, mailing, ada, TrackingKind.OPEN, null, later.plusSeconds(5), false));
    writer.record(event(key, mailing, ada, TrackingKind.CLICK, 0, later, false));
    writer.record(event(key, mailing, ada, TrackingKind.CLICK, 0, later.plusSeconds(9), false));
    writer.record(event(key, mailing, bea, TrackingKind.CLICK, 1, sentToBea.plusSeconds(3), false));
    writer.record(event(key, mailing, bea, TrackingKind.OPEN, null, later, true));
    writer.record(event(key, 999_999_999L, ada, TrackingKind.OPEN, null, later, false));
    assertThat(writer.flush()).isEqualTo(7);

    try (Jpa jpa = new Jpa(PostgresDatabase.get().app())) {
      MailingStatistics.Counts opens =
          jpa.inTenant(tenant, em -> Repositories.trackingStatistics(em).opens(mailing));
      MailingStatistics.Counts clickCounts =
          jpa.inTenant(tenant, em -> Repositories.trackingStatistics(em).clicks(mailing));
      assertThat(opens).isEqualTo(new MailingStatistics.Counts(2, 1, 1, 1));
      assertThat(clickCounts)
          .as("Bea's click three seconds after delivery is a scanner's")
          .isEqualTo(new MailingStatistics.Counts(2, 1, 1, 1));
      List<MailingStatistics.LinkClicks> links =
          jpa.inTenant(
              tenant,
              em ->
                  Repositories.trackingStatistics(em)
                      .links(
                          mailing,
                          List.of("https://nord.example/angebot", "https://nord.example/blog")));
      assertThat(links).extracting(MailingStatistics.LinkClicks::total).containsExactly(2L, 0L);

      String other = tenant + "-b";
      db.tenant(other);
      MailingStatistics.Counts foreign =
          jpa.inTenant(other, em -> Repositories.trackingStatistics(em).clicks(mailing));
      assertThat(foreign)
          .as("another tenant sees nothing of this mailing")
          .isEqualTo(MailingStatistics.Counts.NONE);
    }
    assertThat(
            Sql.column(
                db.owner, "SELECT COUNT(*) FROM tracking_event WHERE mailing_id = ?", 999_999_999L))
        .containsExactly("0");

    try (Jpa jpa = new Jpa(PostgresDatabase.get().app())) {
      jpa.inTenant(
          tenant,
          em -> {
            SubscriberRepository subscribers = Repositories.subscribers(em);
            subscribers.remove(subscribers.find(ada).orElseThrow());
            return null;
          });
    }
    assertThat(
            Sql.column(
                db.owner,
                "SELECT COUNT(*) || '/' || COUNT(subscriber_id) || '/' || COUNT(ip)"
                    + " FROM tracking_event WHERE tenant_id = ? AND mailing_id = ?",
                tenant,
                mailing))
        .as("Ada's events stay counted, linked to nobody")
        .containsExactly("6/2/2");

    writer.record(event(key, mailing, ada, TrackingKind.CLICK, 0, later.plusSeconds(60), false));
    assertThat(writer.flush()).isEqualTo(1);
    assertThat(
            Sql.column(
                db.owner,
                "SELECT COUNT(*) || '/' || COUNT(subscriber_id) || '/' || COUNT(ip) || '/'"
                    + " || COUNT(user_agent) FROM tracking_event WHERE tenant_id = ?"
                    + " AND mailing_id = ?",
                tenant,
                mailing))
        .as("a click on an old mail after the erasure is counted and linked to nobody")
        .containsExactly("7/2/2/2");
    assertThat(
            Sql.column(
                db.owner,
                "SELECT COUNT(*) FROM tracking_recipient WHERE tenant_id = ? AND subscriber_id = ?"
                    + " AND link_index = 0",
                tenant,
                ada))
        .containsExactly("1");
  }

  @Test
  void aTenantThatTracksNothingSendsNoTrackedLinksAndNoPixel() throws Exception {
    long ada = db.subscriber(tenant, "ada@example.org", "Ada", list, "SUBSCRIBED");
    db.global.put(SettingKey.TRACKING, "OFF");
    try {
      db.sendingMailing(
          tenant, list, "<p><a href=\"https://nord.example/\">Start</a></p>", List.of(ada));
      send(db.runner(port, "worker-off").tracking(tokens));
      String html = html(smtp.getReceivedMessages(), "ada@example.org");
      assertThat(html).contains("href=\"https://nord.example/\"").doesNotContain("/t/");
    } finally {
      db.global.remove(SettingKey.TRACKING);
    }
  }

  private static TrackingEvent event(
      TenantKey tenant,
      long mailing,
      long subscriber,
      TrackingKind kind,
      Integer link,
      Instant at,
      boolean machine) {
    return new TrackingEvent(
        tenant, mailing, subscriber, kind, link, at, "203.0.113.0", "Mozilla/5.0 (X11)", machine);
  }

  private void send(SendingRunner runner) {
    for (int round = 0; round < 20; round++) {
      runner.tick();
      if (!runner.hasWork()) {
        return;
      }
      runner.work(() -> false);
    }
    throw new AssertionError("Sending did not finish");
  }

  private static String html(MimeMessage[] messages, String to) throws Exception {
    for (MimeMessage message : messages) {
      if (message.getAllRecipients()[0].toString().equals(to)) {
        String raw = GreenMailUtil.getWholeMessage(message);
        return new String(
            jakarta.mail.internet.MimeUtility.decode(
                    new java.io.ByteArrayInputStream(
                        raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                    "quoted-printable")
                .readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("No message to " + to);
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new java.util.ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
