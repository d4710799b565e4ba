package de.rundbrief.infrastructure.retention;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.testsupport.PostgresDatabase;
import de.rundbrief.testsupport.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The retention deletes on PostgreSQL as the application's role: only what is older than the
 * setting allows, only unconfirmed subscriptions and finished mailings' records, only in the tenant
 * the transaction is bound to.
 */
class RetentionSqlTest {

  private static final String A = "retain-a";
  private static final String B = "retain-b";
  private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
  private static final DataSource SEED = PostgresDatabase.get().superuser();

  @BeforeAll
  static void twoTenantsWithOldAndNewData() {
    for (String tenant : List.of(A, B)) {
      Sql.update(
          SEED,
          "INSERT INTO tenant (tenant_key, name, status, created_at, version)"
              + " VALUES (?, ?, 'ACTIVE', now(), 1)",
          tenant,
          tenant);
      long list = next("mailing_list_seq");
      Sql.update(
          SEED,
          "INSERT INTO mailing_list (id, tenant_id, name, visibility, opt_in_mode, created_at,"
              + " version, consent_text_version) VALUES (?, ?, 'News', 'PUBLIC', 'DOUBLE', now(), 1,"
              + " 0)",
          list,
          tenant);
      subscription(tenant, list, "old-pending", "PENDING", NOW.minus(Duration.ofDays(40)));
      subscription(tenant, list, "new-pending", "PENDING", NOW.minus(Duration.ofDays(5)));
      long oldSubscribed =
          subscription(
              tenant, list, "old-subscribed", "SUBSCRIBED", NOW.minus(Duration.ofDays(900)));
      mailing(tenant, "SENT", NOW.minus(Duration.ofDays(400)), oldSubscribed);
      mailing(tenant, "CANCELLED", NOW.minus(Duration.ofDays(10)), oldSubscribed);
      mailing(tenant, "SENDING", null, oldSubscribed);
      importWithProblems(tenant, list, "DONE", NOW.minus(Duration.ofDays(100)));
      importWithProblems(tenant, list, "CANCELLED", NOW.minus(Duration.ofDays(120)));
      importWithProblems(tenant, list, "FAILED", NOW.minus(Duration.ofDays(10)));
      importWithProblems(tenant, list, "RUNNING", null);
    }
  }

  @Test
  void unconfirmedSubscriptionsOlderThanTheSettingGoInTheBoundTenantOnly() throws SQLException {
    int deleted =
        inTenant(
            A,
            c ->
                RetentionSql.unconfirmedSubscriptions(
                    c, TenantKey.of(A), NOW.minus(Duration.ofDays(30))));

    assertThat(deleted).isEqualTo(1);
    assertThat(emails(A)).containsExactlyInAnyOrder("new-pending", "old-subscribed");
    assertThat(emails(B)).containsExactlyInAnyOrder("old-pending", "new-pending", "old-subscribed");
  }

  @Test
  void aTransactionBoundToOneTenantCannotDeleteAnothersEvenWhenItNamesIt() throws SQLException {
    int deleted = inTenant(A, c -> RetentionSql.unconfirmedSubscriptions(c, TenantKey.of(B), NOW));

    assertThat(deleted).as("row-level security").isZero();
    assertThat(emails(B)).contains("old-pending");
  }

  @Test
  void sendingRecordsOfMailingsThatEndedLongAgoGoAndTheMailingsStay() throws SQLException {
    int deleted =
        inTenant(
            A,
            c -> RetentionSql.sendingRecords(c, TenantKey.of(A), NOW.minus(Duration.ofDays(365))));

    assertThat(deleted).isEqualTo(1);
    assertThat(
            Sql.column(
                SEED,
                "SELECT m.status FROM mailing_recipient r JOIN mailing m ON m.id = r.mailing_id"
                    + " WHERE r.tenant_id = ? ORDER BY m.status",
                A))
        .containsExactly("CANCELLED", "SENDING");
    assertThat(Sql.column(SEED, "SELECT count(*) FROM mailing WHERE tenant_id = ?", A))
        .containsExactly("3");
    assertThat(
            Sql.column(
                SEED,
                "SELECT status || ':' || COALESCE(CAST(sent_count AS VARCHAR), '-') || '/'"
                    + " || COALESCE(CAST(failed_count AS VARCHAR), '-') FROM mailing"
                    + " WHERE tenant_id = ? ORDER BY status",
                A))
        .as("the mailing whose records went keeps its totals; the others still count theirs")
        .containsExactly("CANCELLED:-/-", "SENDING:-/-", "SENT:1/0");
    assertThat(Sql.column(SEED, "SELECT count(*) FROM mailing_recipient WHERE tenant_id = ?", B))
        .containsExactly("3");
  }

  @Test
  void problemReportsOfImportsThatEndedLongAgoGoAndTheImportsStay() throws SQLException {
    int deleted =
        inTenant(
            A, c -> RetentionSql.importReports(c, TenantKey.of(A), NOW.minus(Duration.ofDays(90))));

    assertThat(deleted)
        .as("two problem rows each of the done and the cancelled import")
        .isEqualTo(4);
    assertThat(
            Sql.column(
                SEED,
                "SELECT j.state || ':' || count(p.line) FROM import_job j LEFT JOIN import_problem p"
                    + " ON p.job_id = j.id WHERE j.tenant_id = ? GROUP BY j.state ORDER BY j.state",
                A))
        .as("every import stays; the recent and the running one keep their reports")
        .containsExactly("CANCELLED:0", "DONE:0", "FAILED:2", "RUNNING:2");
    assertThat(Sql.column(SEED, "SELECT count(*) FROM import_problem WHERE tenant_id = ?", B))
        .containsExactly("8");
    assertThat(
            inTenant(
                A,
                c -> RetentionSql.importReports(c, TenantKey.of(B), NOW.minus(Duration.ofDays(1)))))
        .as("row-level security: a transaction bound to A deletes nothing of B's")
        .isZero();
    assertThat(Sql.column(SEED, "SELECT count(*) FROM import_problem WHERE tenant_id = ?", B))
        .containsExactly("8");
  }

  private interface Work {
    int run(Connection c) throws SQLException;
  }

  private static int inTenant(String tenant, Work work) throws SQLException {
    try (Connection c = PostgresDatabase.get().app().getConnection()) {
      c.setAutoCommit(false);
      Sql.restrictTo(c, tenant);
      int result = work.run(c);
      c.commit();
      return result;
    }
  }

  private static List<String> emails(String tenant) {
    return Sql.column(
        SEED,
        "SELECT split_part(s.email, '@', 1) FROM subscription u JOIN subscriber s"
            + " ON s.id = u.subscriber_id WHERE u.tenant_id = ?",
        tenant);
  }

  private static long subscription(
      String tenant, long list, String name, String status, Instant changed) {
    long subscriber = next("subscriber_seq");
    Sql.update(
        SEED,
        "INSERT INTO subscriber (id, tenant_id, email, status, created_at, version)"
            + " VALUES (?, ?, ?, 'ACTIVE', now(), 1)",
        subscriber,
        tenant,
        name + "@" + tenant + ".example");
    Sql.update(
        SEED,
        "INSERT INTO subscription (id, tenant_id, subscriber_id, mailing_list_id, status,"
            + " status_changed_at, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
        next("subscription_seq"),
        tenant,
        subscriber,
        list,
        status,
        java.sql.Timestamp.from(changed),
        java.sql.Timestamp.from(changed));
    return subscriber;
  }

  private static void mailing(String tenant, String status, Instant finished, long subscriber) {
    long id = next("mailing_seq");
    Sql.update(
        SEED,
        "INSERT INTO mailing (id, tenant_id, name, subject, sender_address, language, html_body,"
            + " text_body, text_edited, list_ids, segment_ids, status, finished_at,"
            + " recipient_count, created_at, updated_at, version) VALUES (?, ?, 'M', 'S',"
            + " 'a@b.example', 'de', '<p>x</p>', 'x', FALSE, '', '', ?, ?, 1, now(), now(), 1)",
        id,
        tenant,
        status,
        finished == null ? null : java.sql.Timestamp.from(finished));
    Sql.update(
        SEED,
        "INSERT INTO mailing_recipient (tenant_id, mailing_id, subscriber_id, email, state,"
            + " attempts) VALUES (?, ?, ?, 'x@example.org', 'SENT', 1)",
        tenant,
        id,
        subscriber);
  }

  private static void importWithProblems(String tenant, long list, String state, Instant finished) {
    long job = next("import_job_seq");
    Sql.update(
        SEED,
        "INSERT INTO import_job (id, tenant_id, mailing_list_id, state, email_column,"
            + " existing_mode, charset, upload_bytes, bytes_read, rows_read, imported, updated,"
            + " skipped, problems, created_by, created_at, heartbeat_at, finished_at, version)"
            + " VALUES (?, ?, ?, ?, 'email', 'SKIP', 'UTF-8', 10, 10, 3, 1, 0, 0, 2, 'test',"
            + " now(), now(), ?, 1)",
        job,
        tenant,
        list,
        state,
        finished == null ? null : java.sql.Timestamp.from(finished));
    for (int line = 2; line <= 3; line++) {
      Sql.update(
          SEED,
          "INSERT INTO import_problem (tenant_id, job_id, line, reason, detail)"
              + " VALUES (?, ?, ?, 'DUPLICATE', 'the address x@example.org is already on line 1')",
          tenant,
          job,
          line);
    }
  }

  private static long next(String sequence) {
    return Long.parseLong(Sql.column(SEED, "SELECT nextval('" + sequence + "')").get(0));
  }
}
