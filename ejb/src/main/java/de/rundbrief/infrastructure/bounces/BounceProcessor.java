package de.rundbrief.infrastructure.bounces;

import de.rundbrief.domain.bounce.BounceKind;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.Settings;
import de.rundbrief.infrastructure.mail.VerpAddresses;
import de.rundbrief.infrastructure.tenancy.TenantTransactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What follows from a bounce report, in the tenant the VERP address names and in one transaction:
 *
 * <ul>
 *   <li>every report about a recipient is kept with its original reason text;
 *   <li>a hard bounce marks the subscriber's subscriptions in that tenant bounced at once;
 *   <li>soft bounces count, and once they came from {@link SettingKey#BOUNCE_SOFT_LIMIT} different
 *       mailings the address counts as bounced for good;
 *   <li>a complaint unsubscribes the recipient from every list of the tenant, each recorded as a
 *       consent event from the source {@code COMPLAINT};
 *   <li>an automatic reply is kept and changes nothing.
 * </ul>
 *
 * A report about a mailing or subscriber that no longer exists changes nothing.
 */
public final class BounceProcessor {

  /** What happened with one report. */
  public enum Outcome {
    /** The subscriber is now marked bounced. */
    BOUNCED,
    /** Counted as a soft bounce, below the limit. */
    COUNTED,
    /** The subscriber left every list. */
    UNSUBSCRIBED,
    /** Kept, no change (an automatic reply, or a subscriber bounced or gone already). */
    NOTED,
    /** Not about a recipient of Rundbrief's: nothing kept. */
    IGNORED
  }

  private final TenantTransactions transactions;
  private final boolean postgreSql;
  private final Settings settings;
  private final Clock clock;

  public BounceProcessor(
      TenantTransactions transactions, boolean postgreSql, Settings settings, Clock clock) {
    this.transactions = transactions;
    this.postgreSql = postgreSql;
    this.settings = settings;
    this.clock = clock;
  }

  public Outcome apply(BounceReport report) {
    VerpAddresses.Recipient recipient = report.recipient();
    if (recipient == null || report.kind() == BounceKind.UNKNOWN) {
      return Outcome.IGNORED;
    }
    return transactions.inTenant(recipient.tenant(), c -> apply(c, recipient, report));
  }

  private Outcome apply(Connection c, VerpAddresses.Recipient recipient, BounceReport report)
      throws SQLException {
    String tenant = recipient.tenant().value();
    if (!exists(c, tenant, recipient)) {
      return Outcome.IGNORED;
    }
    Instant now = clock.instant();
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO bounce_event (tenant_id, mailing_id, subscriber_id, kind, status, reason,"
                + " received_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, tenant);
      insert.setLong(2, recipient.mailingId());
      insert.setLong(3, recipient.subscriberId());
      insert.setString(4, report.kind().name());
      insert.setString(5, report.status());
      insert.setString(6, report.reason());
      insert.setTimestamp(7, Timestamp.from(now));
      insert.executeUpdate();
    }
    return switch (report.kind()) {
      case HARD -> bounce(c, tenant, recipient.subscriberId(), now);
      case SOFT ->
          softBounces(c, tenant, recipient.subscriberId())
                  >= Math.max(1, settings.global().number(SettingKey.BOUNCE_SOFT_LIMIT))
              ? bounce(c, tenant, recipient.subscriberId(), now)
              : Outcome.COUNTED;
      case COMPLAINT ->
          unsubscribe(c, tenant, recipient.subscriberId(), recipient.mailingId(), report, now);
      default -> Outcome.NOTED;
    };
  }

  private static boolean exists(Connection c, String tenant, VerpAddresses.Recipient recipient)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT COUNT(*) FROM mailing m, subscriber s WHERE m.tenant_id = ? AND m.id = ?"
                + " AND s.tenant_id = ? AND s.id = ?")) {
      select.setString(1, tenant);
      select.setLong(2, recipient.mailingId());
      select.setString(3, tenant);
      select.setLong(4, recipient.subscriberId());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() && rows.getLong(1) > 0;
      }
    }
  }

  private static Outcome bounce(Connection c, String tenant, long subscriber, Instant now)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE subscription SET status = 'BOUNCED', status_changed_at = ?,"
                + " version = version + 1"
                + " WHERE tenant_id = ? AND subscriber_id = ? AND status IN ('SUBSCRIBED', 'PENDING')")) {
      update.setTimestamp(1, Timestamp.from(now));
      update.setString(2, tenant);
      update.setLong(3, subscriber);
      return update.executeUpdate() > 0 ? Outcome.BOUNCED : Outcome.NOTED;
    }
  }

  private static long softBounces(Connection c, String tenant, long subscriber)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT COUNT(DISTINCT mailing_id) FROM bounce_event"
                + " WHERE tenant_id = ? AND subscriber_id = ? AND kind = 'SOFT'")) {
      select.setString(1, tenant);
      select.setLong(2, subscriber);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private Outcome unsubscribe(
      Connection c, String tenant, long subscriber, long mailing, BounceReport report, Instant now)
      throws SQLException {
    List<long[]> left = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT s.id, s.mailing_list_id, l.name FROM subscription s"
                + " JOIN mailing_list l ON l.tenant_id = s.tenant_id AND l.id = s.mailing_list_id"
                + " WHERE s.tenant_id = ? AND s.subscriber_id = ?"
                + " AND s.status IN ('SUBSCRIBED', 'PENDING')")) {
      select.setString(1, tenant);
      select.setLong(2, subscriber);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          left.add(new long[] {rows.getLong(1), rows.getLong(2)});
          names.add(rows.getString(3));
        }
      }
    }
    Timestamp at = Timestamp.from(now);
    for (int i = 0; i < left.size(); i++) {
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE subscription SET status = 'UNSUBSCRIBED', status_changed_at = ?,"
                  + " unsubscribed_at = ?, version = version + 1 WHERE tenant_id = ? AND id = ?")) {
        update.setTimestamp(1, at);
        update.setTimestamp(2, at);
        update.setString(3, tenant);
        update.setLong(4, left.get(i)[0]);
        update.executeUpdate();
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO consent_event (id, tenant_id, subscriber_id, mailing_list_id, list_name,"
                  + " event_type, source, occurred_at, detail, mailing_id)"
                  + " VALUES (?, ?, ?, ?, ?, 'UNSUBSCRIBED', 'COMPLAINT', ?, ?, ?)")) {
        insert.setLong(1, nextConsentEventId(c));
        insert.setString(2, tenant);
        insert.setLong(3, subscriber);
        insert.setLong(4, left.get(i)[1]);
        insert.setString(5, names.get(i));
        insert.setTimestamp(6, at);
        insert.setString(7, report.reason());
        insert.setLong(8, mailing);
        insert.executeUpdate();
      }
    }
    return left.isEmpty() ? Outcome.NOTED : Outcome.UNSUBSCRIBED;
  }

  /**
   * A value drawn from the sequence for this row alone: JPA preallocates the block below each value
   * it draws itself, so a value drawn here is never handed out twice.
   */
  private long nextConsentEventId(Connection c) throws SQLException {
    try (PreparedStatement next =
            c.prepareStatement(
                postgreSql
                    ? "SELECT nextval('consent_event_seq')"
                    : "SELECT NEXT VALUE FOR consent_event_seq");
        ResultSet rows = next.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
