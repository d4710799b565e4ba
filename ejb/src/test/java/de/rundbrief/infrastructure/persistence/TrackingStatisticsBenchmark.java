package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.mailing.Mailing;
import de.rundbrief.domain.tracking.TrackedLinks;
import de.rundbrief.testsupport.Jpa;
import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.persistence.config.QueryHints;
import org.junit.jupiter.api.Test;

/**
 * The statistics of one mailing with 1,000,000 recipients and 10,000,000 opens and clicks on
 * PostgreSQL, read as the cockpit reads them (progress, bounces, opens, clicks, links, hours, from
 * the counters the tracking writer keeps), side by side in one run with the plainest query over the
 * events themselves: counting them. A measurement, not a test: {@code ./mvnw -Pbenchmark -pl ejb
 * test -Dtest=TrackingStatisticsBenchmark} (seeding takes a few minutes); the report goes to {@code
 * ejb/target/benchmarks/tracking-statistics.md}.
 */
class TrackingStatisticsBenchmark {

  private static final String TENANT = "stats-bench";
  private static final int RECIPIENTS =
      Integer.getInteger("rundbrief.benchmark.recipients", 1_000_000);
  private static final int EVENTS = Integer.getInteger("rundbrief.benchmark.events", 10_000_000);
  private static final int ROUNDS = 5;
  private static final long MAILING = 990_000_001L;

  @Test
  void statisticsOfAMailingWithTenMillionEvents() throws Exception {
    long seeding = System.nanoTime();
    seed();
    double seeded = (System.nanoTime() - seeding) / 1e9;
    StringBuilder report =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%,d recipients, %,d events, seeded in %.0f s%n%n"
                    + "| round | count the events | ms | the cockpit's statistics | ms | ratio |%n"
                    + "|---:|---|---:|---|---:|---:|%n",
                RECIPIENTS,
                EVENTS,
                seeded));
    List<Double> ratios = new ArrayList<>();
    try (Jpa jpa = new Jpa(PostgresDatabase.get().app())) {
      for (int round = 1; round <= ROUNDS; round++) {
        double count =
            millis(
                () ->
                    jpa.inTenant(
                        TENANT,
                        em ->
                            em.createNativeQuery(
                                    "SELECT COUNT(*) FROM tracking_event"
                                        + " WHERE tenant_id = ?1 AND mailing_id = ?2")
                                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                                .setParameter(1, TENANT)
                                .setParameter(2, MAILING)
                                .getSingleResult()));
        double statistics =
            millis(
                () ->
                    jpa.inTenant(
                        TENANT,
                        em -> {
                          Mailing mailing = em.find(Mailing.class, MAILING);
                          new JpaMailingRepository(em).progress(mailing);
                          JpaTrackingStatistics tracking = new JpaTrackingStatistics(em);
                          tracking.bounces(MAILING);
                          tracking.opens(MAILING);
                          tracking.clicks(MAILING);
                          tracking.links(MAILING, TrackedLinks.links(mailing.getHtmlBody()));
                          return tracking.timeline(MAILING);
                        }));
        ratios.add(statistics / count);
        report.append(
            String.format(
                Locale.ROOT,
                "| %d | | %.0f | | %.0f | %.2f |%n",
                round,
                count,
                statistics,
                statistics / count));
      }
    }
    Collections.sort(ratios);
    report.append(
        String.format(Locale.ROOT, "%nMedian ratio: %.2f%n", ratios.get(ratios.size() / 2)));
    Path out = Path.of("target", "benchmarks", "tracking-statistics.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report);
  }

  private static double millis(Supplier<Object> work) {
    long start = System.nanoTime();
    work.get();
    return (System.nanoTime() - start) / 1e6;
  }

  private static void seed() {
    var db = PostgresDatabase.get().superuser();
    if (!Sql.column(db, "SELECT tenant_key FROM tenant WHERE tenant_key = ?", TENANT).isEmpty()) {
      return;
    }
    Sql.update(
        db,
        "INSERT INTO tenant (tenant_key, name, status, created_at, version)"
            + " VALUES (?, 'Statistics benchmark', 'ACTIVE', now(), 1)",
        TENANT);
    StringBuilder body = new StringBuilder();
    for (int link = 0; link < 10; link++) {
      body.append("<p><a href=\"https://news.example.com/article/")
          .append(link)
          .append("\">Artikel ")
          .append(link)
          .append("</a></p>");
    }
    Sql.update(
        db,
        "INSERT INTO mailing (id, tenant_id, name, subject, sender_name, sender_address, language,"
            + " html_body, text_body, text_edited, list_ids, segment_ids, status, started_at,"
            + " finished_at, recipient_count, created_at, updated_at, version)"
            + " VALUES (?, ?, 'Bench', 'Bench', 'Redaktion', 'news@nord.example', 'de', ?, 'x',"
            + " FALSE, '', '', 'SENT', now() - interval '7 days', now(), ?, now(), now(), 1)",
        MAILING,
        TENANT,
        body.toString(),
        RECIPIENTS);
    Sql.update(
        db,
        "INSERT INTO subscriber (id, tenant_id, email, first_name, status, created_at, version)"
            + " SELECT 990000000 + g, ?, 'reader' || g || '@bench.example', 'Ada', 'ACTIVE',"
            + " now(), 1 FROM generate_series(1, ?) g",
        TENANT,
        RECIPIENTS);
    Sql.update(
        db,
        "INSERT INTO mailing_recipient (tenant_id, mailing_id, subscriber_id, email, state,"
            + " attempts, sent_at)"
            + " SELECT ?, ?, 990000000 + g, 'reader' || g || '@bench.example', 'SENT', 1,"
            + " now() - interval '7 days' FROM generate_series(1, ?) g",
        TENANT,
        MAILING,
        RECIPIENTS);
    Sql.update(
        db,
        "INSERT INTO tracking_event (tenant_id, mailing_id, subscriber_id, kind, link_index,"
            + " occurred_at, ip, user_agent, machine)"
            + " SELECT ?, ?, 990000001 + (g::bigint * 7919) % ?,"
            + " CASE WHEN g % 5 < 3 THEN 'OPEN' ELSE 'CLICK' END,"
            + " CASE WHEN g % 5 < 3 THEN NULL ELSE g % 10 END,"
            + " now() - interval '7 days' + (g % 604800) * interval '1 second',"
            + " '203.0.113.0', 'Mozilla/5.0 (X11; Linux x86_64)', g % 10 = 0"
            + " FROM generate_series(1, ?) g",
        TENANT,
        MAILING,
        RECIPIENTS,
        EVENTS);
    // the counters as the tracking writer keeps them, built here in one go like the migration
    Sql.update(
        db,
        "INSERT INTO tracking_count (tenant_id, mailing_id, kind, machine, link_index, hour_utc,"
            + " events) SELECT tenant_id, mailing_id, kind, machine, COALESCE(link_index, -1),"
            + " date_trunc('hour', occurred_at AT TIME ZONE 'UTC'), COUNT(*) FROM tracking_event"
            + " WHERE tenant_id = ? GROUP BY 1, 2, 3, 4, 5, 6",
        TENANT);
    Sql.update(
        db,
        "INSERT INTO tracking_recipient (tenant_id, mailing_id, kind, machine, link_index,"
            + " subscriber_id) SELECT DISTINCT tenant_id, mailing_id, kind, machine, -1,"
            + " subscriber_id FROM tracking_event WHERE tenant_id = ?",
        TENANT);
    Sql.update(
        db,
        "INSERT INTO tracking_recipient (tenant_id, mailing_id, kind, machine, link_index,"
            + " subscriber_id) SELECT DISTINCT tenant_id, mailing_id, kind, machine, link_index,"
            + " subscriber_id FROM tracking_event WHERE tenant_id = ? AND link_index IS NOT NULL",
        TENANT);
    Sql.update(db, "ANALYZE tracking_count");
    Sql.update(db, "ANALYZE tracking_recipient");
    Sql.update(db, "ANALYZE tracking_event");
    Sql.update(db, "ANALYZE mailing_recipient");
  }
}
