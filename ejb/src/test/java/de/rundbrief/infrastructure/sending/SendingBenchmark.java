package de.rundbrief.infrastructure.sending;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.testsupport.Sql;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A personalised mailing of 100,000 recipients (about 20 KB each) sent from PostgreSQL to postfix's
 * {@code smtp-sink} over 4 connections, against postfix's {@code smtp-source} sending the same
 * number of messages of the same size over the same number of connections to the same sink, side by
 * side in one run. The engine runs as in the container (claims under a lease, one transaction per
 * sent recipient, row-level security), with plain JDBC transactions instead of the container's. A
 * measurement, not a test: {@code ./mvnw -Pbenchmark -pl ejb test -Dtest=SendingBenchmark}; needs
 * Debian's {@code postfix} package for the two tools; the report goes to {@code
 * ejb/target/benchmarks/sending.md}.
 */
class SendingBenchmark {

  private static final int RECIPIENTS =
      Integer.getInteger("rundbrief.benchmark.recipients", 100_000);
  private static final int CONNECTIONS = 4;
  private static final int ROUNDS = Integer.getInteger("rundbrief.benchmark.rounds", 2);

  @Test
  void sendingAgainstSmtpSource() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process sink =
        new ProcessBuilder("smtp-sink", "-u", "nobody", "127.0.0.1:" + port, "1024")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      Thread.sleep(500);
      SendingFixture db = new SendingFixture();
      db.global.put(SettingKey.SENDING_CONNECTIONS, String.valueOf(CONNECTIONS));
      db.global.put(SettingKey.SENDING_FAIR_SHARE, "100");
      Path out = Path.of("target", "benchmarks", "sending.md");
      Files.createDirectories(out.getParent());
      StringBuilder report = new StringBuilder();
      report.append(
          String.format(
              Locale.ROOT,
              "%d recipients, %d connections%n%n"
                  + "| round | smtp-source | msg/s | Rundbrief | msg/s | ratio |%n"
                  + "|------:|------------:|------:|----------:|------:|------:|%n",
              RECIPIENTS,
              CONNECTIONS));
      for (int round = 1; round <= ROUNDS; round++) {
        String tenant = "bench-send-" + round + "-" + System.nanoTime() % 10_000;
        long mailing = seed(db, tenant);
        int size = messageSize(db, port, tenant, mailing);
        double source = smtpSource(port, size);
        long start = System.nanoTime();
        send(db.runner(port, "bench"));
        double engine = (System.nanoTime() - start) / 1e9;
        assertThat(
                Sql.column(
                    db.owner,
                    "SELECT count(*) FROM mailing_recipient WHERE mailing_id = ? AND state = 'SENT'",
                    mailing))
            .containsExactly(String.valueOf(RECIPIENTS));
        report.append(
            String.format(
                Locale.ROOT,
                "| %d | %.1f s | %.0f | %.1f s | %.0f | %.2f |%n",
                round,
                source,
                RECIPIENTS / source,
                engine,
                RECIPIENTS / engine,
                source / engine));
        report.append("");
        Files.writeString(out, "Message size " + size + " bytes, " + report);
      }
      System.out.println(Files.readString(out));
      db.close();
    } finally {
      sink.destroy();
      sink.waitFor(5, TimeUnit.SECONDS);
    }
  }

  /** A tenant with the recipients subscribed to one list, and a started mailing to it. */
  private static long seed(SendingFixture db, String tenant) {
    db.tenant(tenant);
    long list = db.list(tenant, "Newsletter");
    Sql.update(
        db.owner,
        "INSERT INTO subscriber (id, tenant_id, email, first_name, last_name, status, created_at,"
            + " version) SELECT nextval('subscriber_seq'), ?, 'reader' || g || '@example.org',"
            + " 'Vorname' || g, 'Nachname', 'ACTIVE', now(), 1 FROM generate_series(1, ?) g",
        tenant,
        RECIPIENTS);
    Sql.update(
        db.owner,
        "INSERT INTO subscription (id, tenant_id, subscriber_id, mailing_list_id, status,"
            + " status_changed_at, created_at, version) SELECT nextval('subscription_seq'),"
            + " tenant_id, id, ?, 'SUBSCRIBED', now(), now(), 1 FROM subscriber WHERE tenant_id = ?",
        list,
        tenant);
    long mailing = db.sendingMailing(tenant, list, body(), List.of());
    Sql.update(
        db.owner,
        "INSERT INTO mailing_recipient (tenant_id, mailing_id, subscriber_id, email, state,"
            + " attempts) SELECT tenant_id, ?, id, email, 'QUEUED', 0 FROM subscriber"
            + " WHERE tenant_id = ?",
        mailing,
        tenant);
    Sql.update(db.owner, "ANALYZE mailing_recipient");
    return mailing;
  }

  /** About 11 KB of HTML; with its plain text and headers a message of about 20 KB. */
  private static String body() {
    StringBuilder html = new StringBuilder("<h1>Hallo {{ firstName | Leserin }},</h1>");
    for (int i = 0; i < 85; i++) {
      html.append("<p>Absatz ")
          .append(i)
          .append(": Neuigkeiten aus der Tochter Nord GmbH f\u00fcr {{ firstName }} ")
          .append("{{ lastName }}, mit einem <a href=\"https://www.example.com/artikel/")
          .append(i)
          .append("\">Link zum Artikel</a> und etwas Text, der den Absatz f\u00fcllt.</p>");
    }
    return html.toString();
  }

  /** The size of one composed message, for smtp-source's {@code -l}. */
  private static int messageSize(SendingFixture db, int port, String tenant, long mailing)
      throws Exception {
    RecipientQueue.Mailed mailed =
        db.inTransaction(
            tenant,
            c ->
                RecipientQueue.mailing(
                    c, de.rundbrief.domain.tenant.TenantKey.of(tenant), mailing));
    de.rundbrief.infrastructure.mail.Letter letter =
        new de.rundbrief.infrastructure.mail.Letter(
            mailed.content(), new de.rundbrief.infrastructure.html.OwaspMailHtml());
    var personal =
        new de.rundbrief.infrastructure.mail.Letter.Personal(
            1,
            "reader1@example.org",
            name -> name.equals("firstName") ? "Vorname1" : "Nachname",
            "https://news.example.com/unsubscribe.xhtml?token=" + "x".repeat(120),
            "https://news.example.com/api/v1/public/unsubscribe/" + "x".repeat(120));
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    letter
        .compose(
            jakarta.mail.Session.getInstance(new java.util.Properties()),
            personal,
            "b@x.example",
            false)
        .writeTo(bytes);
    return bytes.size();
  }

  private static double smtpSource(int port, int size) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process source =
        new ProcessBuilder(
                "smtp-source",
                "-s",
                String.valueOf(CONNECTIONS),
                "-m",
                String.valueOf(RECIPIENTS),
                "-l",
                String.valueOf(size),
                "-f",
                "bounces@news.example.com",
                "-t",
                "reader@example.org",
                "127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .start();
    assertThat(source.waitFor()).isZero();
    return (System.nanoTime() - start) / 1e9;
  }

  private static void send(SendingRunner runner) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
    try {
      for (int round = 0; round < 100; round++) {
        runner.tick();
        if (!runner.hasWork()) {
          return;
        }
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
          workers.add(pool.submit(() -> runner.work(() -> false)));
        }
        for (Future<?> worker : workers) {
          worker.get(30, TimeUnit.MINUTES);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
