package de.rundbrief.infrastructure.sending;

import de.rundbrief.domain.mailing.IdSetConverter;
import de.rundbrief.domain.mailing.SenderIdentity;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.mail.Letter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The SQL of the recipient queue. Each method runs on a connection whose transaction is bound to
 * the tenant (or, for the sweeps, to every tenant), and names the tenant in its criteria as well.
 */
final class RecipientQueue {

  /** A recipient claimed for sending. */
  record Claimed(long subscriberId, String email, int attempts) {}

  /** A mailing with work, across tenants. */
  record Active(TenantKey tenant, long mailingId) {}

  private RecipientQueue() {}

  /**
   * Mailings whose recipients are being sent to, of active tenants: a deactivated tenant's mailings
   * wait, and go on if it is activated again (its pages, unsubscribe links among them, answer 404
   * meanwhile, so nothing may go out in its name).
   */
  static List<Active> active(Connection c) throws SQLException {
    return mailings(
        c,
        "SELECT m.tenant_id, m.id FROM mailing m JOIN tenant t ON t.tenant_key = m.tenant_id"
            + " WHERE m.status = 'SENDING' AND t.status = 'ACTIVE' ORDER BY m.id");
  }

  /** Scheduled mailings of active tenants whose time has come. */
  static List<Active> due(Connection c, Instant now) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT m.tenant_id, m.id FROM mailing m JOIN tenant t ON t.tenant_key = m.tenant_id"
                + " WHERE m.status = 'SCHEDULED' AND m.scheduled_at <= ? AND t.status = 'ACTIVE'"
                + " ORDER BY m.scheduled_at")) {
      select.setTimestamp(1, Timestamp.from(now));
      return mailings(select);
    }
  }

  private static List<Active> mailings(Connection c, String sql) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(sql)) {
      return mailings(select);
    }
  }

  private static List<Active> mailings(PreparedStatement select) throws SQLException {
    List<Active> mailings = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        mailings.add(new Active(TenantKey.of(rows.getString(1)), rows.getLong(2)));
      }
    }
    return mailings;
  }

  /**
   * Claims up to {@code max} queued recipients that are due, in key order, for a lease; none if the
   * mailing is not sending (paused, cancelled). On PostgreSQL, rows another instance holds locked
   * are passed over; on H2 (one instance only) the caller claims one batch at a time.
   */
  static List<Claimed> claim(
      Connection c,
      boolean postgreSql,
      TenantKey tenant,
      long mailingId,
      String owner,
      Instant leaseUntil,
      Instant now,
      int max)
      throws SQLException {
    String due =
        "FROM mailing_recipient WHERE tenant_id = ? AND mailing_id = ? AND state = 'QUEUED'"
            + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
            + " AND EXISTS (SELECT 1 FROM mailing m JOIN tenant t ON t.tenant_key = m.tenant_id"
            + " WHERE m.tenant_id = ? AND m.id = ? AND m.status = 'SENDING'"
            + " AND t.status = 'ACTIVE')";
    if (postgreSql) {
      // The picked rows are materialised first: as "IN (SELECT … LIMIT …)" the planner may run the
      // subquery more than once and claim more rows than asked for.
      try (PreparedStatement claim =
          c.prepareStatement(
              "WITH picked AS MATERIALIZED (SELECT subscriber_id "
                  + due
                  + " ORDER BY subscriber_id LIMIT ? FOR UPDATE SKIP LOCKED)"
                  + " UPDATE mailing_recipient r SET state = 'SENDING', lease_owner = ?,"
                  + " lease_until = ? FROM picked WHERE r.tenant_id = ? AND r.mailing_id = ?"
                  + " AND r.subscriber_id = picked.subscriber_id"
                  + " RETURNING r.subscriber_id, r.email, r.attempts")) {
        bindDue(claim, 1, tenant, mailingId, now);
        claim.setInt(6, max);
        claim.setString(7, owner);
        claim.setTimestamp(8, Timestamp.from(leaseUntil));
        claim.setString(9, tenant.value());
        claim.setLong(10, mailingId);
        List<Claimed> claimed = claimed(claim.executeQuery());
        claimed.sort((a, b) -> Long.compare(a.subscriberId(), b.subscriberId()));
        return claimed;
      }
    }
    List<Claimed> claimed;
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT subscriber_id, email, attempts "
                + due
                + " ORDER BY subscriber_id FETCH FIRST ? ROWS ONLY FOR UPDATE")) {
      bindDue(select, 1, tenant, mailingId, now);
      select.setInt(6, max);
      claimed = claimed(select.executeQuery());
    }
    try (PreparedStatement lease =
        c.prepareStatement(
            "UPDATE mailing_recipient SET state = 'SENDING', lease_owner = ?, lease_until = ?"
                + " WHERE tenant_id = ? AND mailing_id = ? AND subscriber_id = ?")) {
      for (Claimed recipient : claimed) {
        lease.setString(1, owner);
        lease.setTimestamp(2, Timestamp.from(leaseUntil));
        lease.setString(3, tenant.value());
        lease.setLong(4, mailingId);
        lease.setLong(5, recipient.subscriberId());
        lease.addBatch();
      }
      lease.executeBatch();
    }
    return claimed;
  }

  private static void bindDue(
      PreparedStatement statement, int from, TenantKey tenant, long mailingId, Instant now)
      throws SQLException {
    statement.setString(from, tenant.value());
    statement.setLong(from + 1, mailingId);
    statement.setTimestamp(from + 2, Timestamp.from(now));
    statement.setString(from + 3, tenant.value());
    statement.setLong(from + 4, mailingId);
  }

  private static List<Claimed> claimed(ResultSet rows) throws SQLException {
    try (rows) {
      List<Claimed> claimed = new ArrayList<>();
      while (rows.next()) {
        claimed.add(new Claimed(rows.getLong(1), rows.getString(2), rows.getInt(3)));
      }
      return claimed;
    }
  }

  /**
   * The recipient was accepted by the mail server; recorded whoever holds the lease now. On
   * PostgreSQL the transaction commits without waiting for the disk, set in the same round trip: a
   * server process that dies loses nothing by it (the database commits anyway); only a crash of the
   * database server itself could lose the last few, which are then sent again.
   */
  static void sent(
      Connection c,
      boolean postgreSql,
      TenantKey tenant,
      long mailingId,
      long subscriberId,
      Instant at)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            (postgreSql ? "SET LOCAL synchronous_commit TO OFF; " : "")
                + "UPDATE mailing_recipient SET state = 'SENT', sent_at = ?, attempts = attempts + 1,"
                + " reason = NULL, next_attempt_at = NULL, lease_owner = NULL, lease_until = NULL"
                + " WHERE tenant_id = ? AND mailing_id = ? AND subscriber_id = ?")) {
      update.setTimestamp(1, Timestamp.from(at));
      update.setString(2, tenant.value());
      update.setLong(3, mailingId);
      update.setLong(4, subscriberId);
      update.executeUpdate();
    }
  }

  /**
   * Ends a claimed recipient in another state than sent: back to the queue (with {@code
   * nextAttempt}), failed or skipped. Only while this owner holds it.
   *
   * @param countAttempt whether the mail server answered (a lost connection is no attempt)
   */
  static void settle(
      Connection c,
      TenantKey tenant,
      long mailingId,
      Collection<Long> subscriberIds,
      String owner,
      String state,
      String reason,
      Instant nextAttempt,
      boolean countAttempt)
      throws SQLException {
    if (subscriberIds.isEmpty()) {
      return;
    }
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE mailing_recipient SET state = ?, reason = ?, next_attempt_at = ?,"
                + " attempts = attempts + ?, lease_owner = NULL, lease_until = NULL"
                + " WHERE tenant_id = ? AND mailing_id = ? AND subscriber_id = ?"
                + " AND state = 'SENDING' AND lease_owner = ?")) {
      for (long subscriberId : subscriberIds) {
        update.setString(1, state);
        update.setString(2, reason == null ? null : truncate(reason, 1000));
        update.setTimestamp(3, nextAttempt == null ? null : Timestamp.from(nextAttempt));
        update.setInt(4, countAttempt ? 1 : 0);
        update.setString(5, tenant.value());
        update.setLong(6, mailingId);
        update.setLong(7, subscriberId);
        update.setString(8, owner);
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  /** Extends this owner's leases in a mailing. */
  static void renew(Connection c, TenantKey tenant, long mailingId, String owner, Instant until)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE mailing_recipient SET lease_until = ? WHERE tenant_id = ? AND mailing_id = ?"
                + " AND state = 'SENDING' AND lease_owner = ?")) {
      update.setTimestamp(1, Timestamp.from(until));
      update.setString(2, tenant.value());
      update.setLong(3, mailingId);
      update.setString(4, owner);
      update.executeUpdate();
    }
  }

  /**
   * Puts recipients whose lease ran out (their worker's server died) back into the queue, and skips
   * what a cancelled mailing still has queued. Runs across every tenant.
   *
   * @return the number of recipients put back
   */
  static int recover(Connection c, Instant now) throws SQLException {
    int recovered;
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE mailing_recipient SET state = 'QUEUED', lease_owner = NULL, lease_until = NULL"
                + " WHERE state = 'SENDING' AND lease_until < ?")) {
      update.setTimestamp(1, Timestamp.from(now));
      recovered = update.executeUpdate();
    }
    try (Statement update = c.createStatement()) {
      update.executeUpdate(
          "UPDATE mailing_recipient SET state = 'SKIPPED', reason = '"
              + SendingRunner.CANCELLED
              + "' WHERE state = 'QUEUED' AND EXISTS (SELECT 1 FROM mailing m"
              + " WHERE m.tenant_id = mailing_recipient.tenant_id"
              + " AND m.id = mailing_recipient.mailing_id AND m.status = 'CANCELLED')");
    }
    return recovered;
  }

  /**
   * Marks the mailing sent if it is sending and no recipient is left queued or being sent.
   *
   * @return whether it was marked
   */
  static boolean finishIfDone(Connection c, TenantKey tenant, long mailingId, Instant at)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE mailing SET status = 'SENT', finished_at = ?, version = version + 1"
                + " WHERE tenant_id = ? AND id = ? AND status = 'SENDING' AND NOT EXISTS"
                + " (SELECT 1 FROM mailing_recipient r WHERE r.tenant_id = ? AND r.mailing_id = ?"
                + " AND r.state IN ('QUEUED', 'SENDING'))")) {
      update.setTimestamp(1, Timestamp.from(at));
      update.setString(2, tenant.value());
      update.setLong(3, mailingId);
      update.setString(4, tenant.value());
      update.setLong(5, mailingId);
      return update.executeUpdate() == 1;
    }
  }

  /** The mailing's status, or {@code null} if it is gone. */
  static String status(Connection c, TenantKey tenant, long mailingId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT status FROM mailing WHERE tenant_id = ? AND id = ?")) {
      select.setString(1, tenant.value());
      select.setLong(2, mailingId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  /** A subscriber's name and status. */
  record Person(String firstName, String lastName, String status) {}

  static Map<Long, Person> people(Connection c, TenantKey tenant, Collection<Long> subscriberIds)
      throws SQLException {
    Map<Long, Person> people = new HashMap<>();
    if (subscriberIds.isEmpty()) {
      return people;
    }
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, first_name, last_name, status FROM subscriber WHERE tenant_id = ?"
                + " AND id IN ("
                + marks(subscriberIds.size())
                + ")")) {
      select.setString(1, tenant.value());
      bindIds(select, 2, subscriberIds);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          people.put(
              rows.getLong(1), new Person(rows.getString(2), rows.getString(3), rows.getString(4)));
        }
      }
    }
    return people;
  }

  /** For each subscriber still subscribed to one of the lists: the first such list. */
  static Map<Long, Long> subscribedList(
      Connection c, TenantKey tenant, Collection<Long> subscriberIds, Collection<Long> listIds)
      throws SQLException {
    Map<Long, Long> lists = new HashMap<>();
    if (listIds.isEmpty() || subscriberIds.isEmpty()) {
      return lists;
    }
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT subscriber_id, MIN(mailing_list_id) FROM subscription WHERE tenant_id = ?"
                + " AND status = 'SUBSCRIBED' AND subscriber_id IN ("
                + marks(subscriberIds.size())
                + ") AND mailing_list_id IN ("
                + marks(listIds.size())
                + ") GROUP BY subscriber_id")) {
      select.setString(1, tenant.value());
      bindIds(select, 2, subscriberIds);
      bindIds(select, 2 + subscriberIds.size(), listIds);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          lists.put(rows.getLong(1), rows.getLong(2));
        }
      }
    }
    return lists;
  }

  /** The values of the given fields, as text, keyed by subscriber and field key. */
  static Map<Long, Map<String, String>> fields(
      Connection c, TenantKey tenant, Collection<Long> subscriberIds, Collection<String> keys)
      throws SQLException {
    Map<Long, Map<String, String>> values = new HashMap<>();
    if (keys.isEmpty() || subscriberIds.isEmpty()) {
      return values;
    }
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT v.subscriber_id, d.attribute_key, v.text_value, v.number_value, v.date_value,"
                + " v.boolean_value FROM attribute_value v JOIN attribute_definition d"
                + " ON d.tenant_id = v.tenant_id AND d.id = v.definition_id"
                + " WHERE v.tenant_id = ? AND v.subscriber_id IN ("
                + marks(subscriberIds.size())
                + ") AND d.attribute_key IN ("
                + marks(keys.size())
                + ")")) {
      select.setString(1, tenant.value());
      bindIds(select, 2, subscriberIds);
      int i = 2 + subscriberIds.size();
      for (String key : keys) {
        select.setString(i++, key);
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String value = rows.getString(3);
          if (value == null && rows.getBigDecimal(4) != null) {
            value = rows.getBigDecimal(4).stripTrailingZeros().toPlainString();
          }
          if (value == null && rows.getDate(5) != null) {
            value = rows.getDate(5).toLocalDate().toString();
          }
          if (value == null && rows.getObject(6) != null) {
            value = String.valueOf(rows.getBoolean(6));
          }
          values
              .computeIfAbsent(rows.getLong(1), id -> new HashMap<>())
              .put(rows.getString(2), value);
        }
      }
    }
    return values;
  }

  /** Which of the hashes are on the tenant's suppression list. */
  static List<String> suppressed(Connection c, TenantKey tenant, Collection<String> hashes)
      throws SQLException {
    List<String> found = new ArrayList<>();
    if (hashes.isEmpty()) {
      return found;
    }
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT address_hash FROM suppressed_address WHERE tenant_id = ? AND address_hash IN ("
                + marks(hashes.size())
                + ")")) {
      select.setString(1, tenant.value());
      int i = 2;
      for (String hash : hashes) {
        select.setString(i++, hash);
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
    }
    return found;
  }

  /** What a mailing says and to which lists it went, as sending starts to read it. */
  /**
   * @param tracking whether the mailing itself tracks opens and clicks (the tenant's setting
   *     decides as well)
   */
  record Mailed(Letter.Content content, List<Long> listIds, boolean tracking) {}

  static Mailed mailing(Connection c, TenantKey tenant, long mailingId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT t.name, m.subject, m.preheader, m.sender_name, m.sender_address, m.reply_to,"
                + " m.language, m.html_body, m.text_body, m.imprint_html, m.list_ids, m.tracking"
                + " FROM mailing m JOIN tenant t ON t.tenant_key = m.tenant_id"
                + " WHERE m.tenant_id = ? AND m.id = ?")) {
      select.setString(1, tenant.value());
      select.setLong(2, mailingId);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return null;
        }
        Letter.Content content =
            new Letter.Content(
                tenant,
                mailingId,
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                new SenderIdentity(rows.getString(4), rows.getString(5)),
                rows.getString(6),
                rows.getString(7),
                rows.getString(8),
                rows.getString(9),
                rows.getString(10));
        return new Mailed(
            content,
            List.copyOf(new IdSetConverter().convertToEntityAttribute(rows.getString(11))),
            rows.getBoolean(12));
      }
    }
  }

  private static String marks(int count) {
    return IntStream.range(0, count).mapToObj(i -> "?").collect(Collectors.joining(","));
  }

  private static void bindIds(PreparedStatement statement, int from, Collection<Long> ids)
      throws SQLException {
    int i = from;
    for (long id : ids) {
      statement.setLong(i++, id);
    }
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
