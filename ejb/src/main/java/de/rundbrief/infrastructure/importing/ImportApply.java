package de.rundbrief.infrastructure.importing;

import de.rundbrief.domain.consent.ConsentEventType;
import de.rundbrief.domain.consent.ConsentSource;
import de.rundbrief.domain.importing.ExistingSubscribers;
import de.rundbrief.domain.importing.ImportOptions;
import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import de.rundbrief.domain.subscriber.SubscriberStatus;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.persistence.CachedChecks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Applies a job's staged rows to the tenant's subscribers in set-based SQL, inside the caller's
 * transaction, which is the import's one final transaction.
 *
 * <p>What happens to a staged address:
 *
 * <ul>
 *   <li>new to the tenant: a subscriber, a subscription to the list (subscribed on the legal basis
 *       if one was stated, pending otherwise) and one consent record with source {@code IMPORT}
 *       (type {@code SUBSCRIBED} with the legal basis as detail, or {@code REQUESTED});
 *   <li>known, with {@link ExistingSubscribers#UPDATE}: names that the file gives replace the
 *       stored ones (an empty cell keeps the stored name), and a subscriber who is not on the list
 *       yet joins it as above. A subscription the subscriber already has is never changed, so an
 *       import never overrides someone's unsubscribe;
 *   <li>known, with {@link ExistingSubscribers#SKIP}, or a blocked subscriber: nothing changes.
 * </ul>
 *
 * <p>The values of mapped fields go where the names go: to new subscribers, and with {@link
 * ExistingSubscribers#UPDATE} to known ones that are not blocked, replacing a stored value of that
 * field (an empty cell keeps it).
 *
 * <p>On PostgreSQL this is one statement of data-modifying {@code WITH} clauses; elsewhere (the
 * embedded H2 database of the demo run) a few statements that use the staging table's scratch
 * columns. Field values follow in one more statement, which finds each staged row's subscriber
 * through the same scratch columns.
 */
final class ImportApply {

  /** What the apply did: new subscribers, known ones updated, rows that changed nothing. */
  record Counts(long imported, long updated, long skipped) {}

  private static final String BLOCKED = SubscriberStatus.BLOCKED.name();

  private ImportApply() {}

  static Counts apply(
      Connection c,
      boolean postgreSql,
      TenantKey tenant,
      long jobId,
      long listId,
      ImportOptions options,
      Instant at)
      throws SQLException {
    Event event = new Event(options, at);
    boolean fields = !options.fieldColumns().isEmpty();
    if (postgreSql && fields) {
      // which staged addresses the tenant knows, before the statement below adds the new ones
      update(
          c,
          "UPDATE import_row r SET is_new = FALSE, subscriber_id = s.id FROM subscriber s"
              + " WHERE r.tenant_id = ? AND r.job_id = ? AND s.tenant_id = r.tenant_id"
              + " AND s.email = r.email",
          tenant.value(),
          jobId);
    }
    Counts counts =
        postgreSql
            ? onPostgreSql(c, tenant, jobId, listId, options.existing(), event)
            : stepwise(c, tenant, jobId, listId, options.existing(), event);
    if (fields) {
      values(c, postgreSql, tenant, jobId, options.existing());
    }
    return counts;
  }

  /** Writes the staged field values to their subscribers (see the class comment for which). */
  private static void values(
      Connection c, boolean postgreSql, TenantKey tenant, long jobId, ExistingSubscribers existing)
      throws SQLException {
    if (postgreSql) {
      update(
          c,
          "UPDATE import_row r SET is_new = TRUE, subscriber_id = s.id FROM subscriber s"
              + " WHERE r.tenant_id = ? AND r.job_id = ? AND r.subscriber_id IS NULL"
              + " AND s.tenant_id = r.tenant_id AND s.email = r.email",
          tenant.value(),
          jobId);
    }
    String staged =
        "SELECT r.tenant_id, r.subscriber_id, v.definition_id, v.text_value, v.number_value,"
            + " v.date_value, v.boolean_value FROM import_value v JOIN import_row r"
            + " ON r.tenant_id = v.tenant_id AND r.job_id = v.job_id AND r.line = v.line"
            + " JOIN subscriber s ON s.tenant_id = r.tenant_id AND s.id = r.subscriber_id"
            + " WHERE v.tenant_id = ? AND v.job_id = ? AND (r.is_new OR (? AND s.status <> '"
            + BLOCKED
            + "'))";
    boolean update = existing == ExistingSubscribers.UPDATE;
    if (postgreSql) {
      update(
          c,
          "INSERT INTO attribute_value (id, tenant_id, subscriber_id, definition_id, text_value,"
              + " number_value, date_value, boolean_value)"
              + " SELECT nextval('attribute_value_seq'), x.* FROM ("
              + staged
              + ") x ON CONFLICT (tenant_id, subscriber_id, definition_id) DO UPDATE SET"
              + " text_value = EXCLUDED.text_value, number_value = EXCLUDED.number_value,"
              + " date_value = EXCLUDED.date_value, boolean_value = EXCLUDED.boolean_value",
          tenant.value(),
          jobId,
          update);
    } else {
      update(
          c,
          "MERGE INTO attribute_value a USING ("
              + staged
              + ") x (tenant_id, subscriber_id, definition_id, text_value, number_value,"
              + " date_value, boolean_value)"
              + " ON a.tenant_id = x.tenant_id AND a.subscriber_id = x.subscriber_id"
              + " AND a.definition_id = x.definition_id"
              + " WHEN MATCHED THEN UPDATE SET text_value = x.text_value,"
              + " number_value = x.number_value, date_value = x.date_value,"
              + " boolean_value = x.boolean_value"
              + " WHEN NOT MATCHED THEN INSERT (id, tenant_id, subscriber_id, definition_id,"
              + " text_value, number_value, date_value, boolean_value)"
              + " VALUES (NEXT VALUE FOR attribute_value_seq, x.tenant_id, x.subscriber_id,"
              + " x.definition_id, x.text_value, x.number_value, x.date_value, x.boolean_value)",
          tenant.value(),
          jobId,
          update);
    }
  }

  /** The subscription and consent record every subscribing row gets. */
  private record Event(
      String subscriptionStatus,
      OffsetDateTime at,
      OffsetDateTime subscribedAt,
      String type,
      String detail) {
    Event(ImportOptions options, Instant at) {
      this(
          (options.subscribesAtOnce() ? SubscriptionStatus.SUBSCRIBED : SubscriptionStatus.PENDING)
              .name(),
          ImportStaging.timestamp(at),
          options.subscribesAtOnce() ? ImportStaging.timestamp(at) : null,
          (options.subscribesAtOnce() ? ConsentEventType.SUBSCRIBED : ConsentEventType.REQUESTED)
              .name(),
          options.legalBasis());
    }
  }

  private static final String SUBSCRIPTION_COLUMNS =
      "INSERT INTO subscription (id, tenant_id, subscriber_id, mailing_list_id, status,"
          + " status_changed_at, created_at, subscribed_at, version)";

  private static final String SUBSCRIPTION_VALUES =
      " CAST(? AS BIGINT), CAST(? AS VARCHAR(16)), CAST(? AS TIMESTAMP WITH TIME ZONE),"
          + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE), 1";

  private static final String CONSENT_COLUMNS =
      "INSERT INTO consent_event (id, tenant_id, subscriber_id, mailing_list_id, list_name,"
          + " event_type, source, occurred_at, detail)";

  private static final String CONSENT_VALUES =
      " CAST(? AS BIGINT), (SELECT l.name FROM mailing_list l WHERE l.id = CAST(? AS BIGINT)),"
          + " CAST(? AS VARCHAR(24)), '"
          + ConsentSource.IMPORT.name()
          + "', CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(2000))";

  private static Counts onPostgreSql(
      Connection c,
      TenantKey tenant,
      long jobId,
      long listId,
      ExistingSubscribers existing,
      Event event)
      throws SQLException {
    // The staging table has no statistics (the application's role may not ANALYZE it), so the
    // planner takes it for one row and matches it against the tenant's subscribers in a nested
    // loop: at 100,000 rows that compared 10^10 pairs and took 40 s of the 55. A hash join is
    // what this statement wants at any size; the setting ends with the transaction. Its four
    // million foreign-key checks plan their query once (see CachedChecks).
    try (Statement hint = c.createStatement()) {
      hint.execute("SET LOCAL enable_nestloop = off");
    }
    CachedChecks.forThisTransaction(c);
    boolean update = existing == ExistingSubscribers.UPDATE;
    StringBuilder sql =
        new StringBuilder(
            "WITH matched AS MATERIALIZED ("
                + " SELECT r.email, r.first_name, r.last_name, s.id, s.status"
                + " FROM import_row r LEFT JOIN subscriber s"
                + " ON s.tenant_id = r.tenant_id AND s.email = r.email"
                + " WHERE r.tenant_id = ? AND r.job_id = ?),"
                + " fresh AS ("
                + " INSERT INTO subscriber (id, tenant_id, email, first_name, last_name, status,"
                + " created_at, version)"
                + " SELECT nextval('subscriber_seq'), ?, m.email, m.first_name, m.last_name, '"
                + SubscriberStatus.ACTIVE.name()
                + "', ?, 1 FROM matched m WHERE m.id IS NULL"
                + " ON CONFLICT (tenant_id, email) DO NOTHING RETURNING id),");
    List<Object> parameters =
        new ArrayList<>(List.of(tenant.value(), jobId, tenant.value(), event.at));
    if (update) {
      sql.append(
          " changed AS ("
              + " UPDATE subscriber s SET first_name = COALESCE(m.first_name, s.first_name),"
              + " last_name = COALESCE(m.last_name, s.last_name), version = s.version + 1"
              + " FROM matched m WHERE s.tenant_id = ? AND s.id = m.id AND m.status <> '"
              + BLOCKED
              + "' AND (s.first_name IS DISTINCT FROM COALESCE(m.first_name, s.first_name)"
              + " OR s.last_name IS DISTINCT FROM COALESCE(m.last_name, s.last_name))"
              + " RETURNING 1),"
              + " joining AS ("
              + " SELECT id FROM fresh UNION ALL"
              + " SELECT m.id FROM matched m WHERE m.id IS NOT NULL AND m.status <> '"
              + BLOCKED
              + "' AND NOT EXISTS (SELECT 1 FROM subscription x WHERE x.tenant_id = ?"
              + " AND x.subscriber_id = m.id AND x.mailing_list_id = ?)),");
      parameters.addAll(List.of(tenant.value(), tenant.value(), listId));
    } else {
      sql.append(" joining AS (SELECT id FROM fresh),");
    }
    sql.append(
        " joined AS ("
            + SUBSCRIPTION_COLUMNS
            + " SELECT nextval('subscription_seq'), ?, j.id,"
            + SUBSCRIPTION_VALUES
            + " FROM joining j RETURNING subscriber_id),"
            + " recorded AS ("
            + CONSENT_COLUMNS
            + " SELECT nextval('consent_event_seq'), ?, j.subscriber_id,"
            + CONSENT_VALUES
            + " FROM joined j RETURNING 1)"
            + " SELECT (SELECT count(*) FROM matched),"
            + " (SELECT count(*) FROM matched WHERE id IS NOT NULL AND status <> '"
            + BLOCKED
            + "'),"
            + " (SELECT count(*) FROM fresh), (SELECT count(*) FROM recorded)");
    parameters.add(tenant.value());
    addSubscription(parameters, listId, event);
    parameters.add(tenant.value());
    addConsent(parameters, listId, event);
    try (PreparedStatement statement = c.prepareStatement(sql.toString())) {
      bind(statement, parameters);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        long staged = row.getLong(1);
        long known = update ? row.getLong(2) : 0;
        long imported = row.getLong(3);
        return new Counts(imported, known, staged - imported - known);
      }
    }
  }

  private static Counts stepwise(
      Connection c,
      TenantKey tenant,
      long jobId,
      long listId,
      ExistingSubscribers existing,
      Event event)
      throws SQLException {
    String job = " r.tenant_id = ? AND r.job_id = ?";
    update(
        c,
        "UPDATE import_row r SET is_new = FALSE, subscriber_id = (SELECT s.id FROM subscriber s"
            + " WHERE s.tenant_id = r.tenant_id AND s.email = r.email) WHERE"
            + job,
        tenant.value(),
        jobId);
    long staged = count(c, "SELECT count(*) FROM import_row r WHERE" + job, tenant.value(), jobId);
    long known =
        count(
            c,
            "SELECT count(*) FROM import_row r JOIN subscriber s ON s.id = r.subscriber_id"
                + " WHERE s.status <> '"
                + BLOCKED
                + "' AND"
                + job,
            tenant.value(),
            jobId);
    if (existing == ExistingSubscribers.UPDATE) {
      String row = "SELECT r.%s FROM import_row r WHERE r.subscriber_id = s.id AND" + job;
      update(
          c,
          "UPDATE subscriber s SET first_name = COALESCE(("
              + row.formatted("first_name")
              + "), s.first_name), last_name = COALESCE(("
              + row.formatted("last_name")
              + "), s.last_name), version = s.version + 1"
              + " WHERE s.tenant_id = ? AND s.status <> '"
              + BLOCKED
              + "' AND s.id IN (SELECT r.subscriber_id FROM import_row r WHERE"
              + job
              + ")",
          tenant.value(),
          jobId,
          tenant.value(),
          jobId,
          tenant.value(),
          tenant.value(),
          jobId);
      update(
          c,
          "UPDATE import_row r SET subscription_id = NEXT VALUE FOR subscription_seq"
              + " WHERE"
              + job
              + " AND EXISTS (SELECT 1 FROM subscriber s WHERE s.id = r.subscriber_id"
              + " AND s.status <> '"
              + BLOCKED
              + "') AND NOT EXISTS (SELECT 1 FROM subscription x"
              + " WHERE x.subscriber_id = r.subscriber_id AND x.mailing_list_id = ?)",
          tenant.value(),
          jobId,
          listId);
    } else {
      known = 0;
    }
    long imported =
        update(
            c,
            "UPDATE import_row r SET is_new = TRUE,"
                + " subscriber_id = NEXT VALUE FOR subscriber_seq,"
                + " subscription_id = NEXT VALUE FOR subscription_seq"
                + " WHERE r.subscriber_id IS NULL AND"
                + job,
            tenant.value(),
            jobId);
    update(
        c,
        "INSERT INTO subscriber (id, tenant_id, email, first_name, last_name, status,"
            + " created_at, version)"
            + " SELECT r.subscriber_id, r.tenant_id, r.email, r.first_name, r.last_name, '"
            + SubscriberStatus.ACTIVE.name()
            + "', CAST(? AS TIMESTAMP WITH TIME ZONE), 1 FROM import_row r WHERE r.is_new AND"
            + job,
        event.at,
        tenant.value(),
        jobId);
    List<Object> subscription = new ArrayList<>();
    addSubscription(subscription, listId, event);
    subscription.addAll(List.of(tenant.value(), jobId));
    update(
        c,
        SUBSCRIPTION_COLUMNS
            + " SELECT r.subscription_id, r.tenant_id, r.subscriber_id,"
            + SUBSCRIPTION_VALUES
            + " FROM import_row r WHERE r.subscription_id IS NOT NULL AND"
            + job,
        subscription.toArray());
    List<Object> consent = new ArrayList<>();
    addConsent(consent, listId, event);
    consent.addAll(List.of(tenant.value(), jobId));
    update(
        c,
        CONSENT_COLUMNS
            + " SELECT NEXT VALUE FOR consent_event_seq, r.tenant_id, r.subscriber_id,"
            + CONSENT_VALUES
            + " FROM import_row r WHERE r.subscription_id IS NOT NULL AND"
            + job,
        consent.toArray());
    return new Counts(imported, known, staged - imported - known);
  }

  private static void addSubscription(List<Object> parameters, long listId, Event event) {
    parameters.addAll(
        Arrays.asList(listId, event.subscriptionStatus, event.at, event.at, event.subscribedAt));
  }

  private static void addConsent(List<Object> parameters, long listId, Event event) {
    parameters.addAll(Arrays.asList(listId, listId, event.type, event.at, event.detail));
  }

  private static int update(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      bind(statement, Arrays.asList(parameters));
      return statement.executeUpdate();
    }
  }

  private static long count(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      bind(statement, Arrays.asList(parameters));
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static void bind(PreparedStatement statement, List<Object> parameters)
      throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
  }
}
