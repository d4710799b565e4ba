package de.rundbrief.infrastructure.retention;

import de.rundbrief.domain.tenant.TenantKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The deletes of the retention sweep, on a connection bound to the tenant; each names the tenant as
 * well.
 */
final class RetentionSql {

  private RetentionSql() {}

  /**
   * Deletes the tenant's subscriptions still waiting for confirmation since before {@code before}.
   * The subscriber and its consent records stay: a later request starts a new subscription.
   *
   * @return the number deleted
   */
  static int unconfirmedSubscriptions(Connection c, TenantKey tenant, Instant before)
      throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM subscription WHERE tenant_id = ? AND status = 'PENDING'"
                + " AND status_changed_at < ?")) {
      delete.setString(1, tenant.value());
      delete.setTimestamp(2, Timestamp.from(before));
      return delete.executeUpdate();
    }
  }

  /**
   * Deletes the problem reports of the tenant's imports that ended (done, failed or cancelled)
   * before {@code before}; the jobs stay, with their counts of imported, skipped and problem rows.
   *
   * @return the number of problem rows deleted
   */
  static int importReports(Connection c, TenantKey tenant, Instant before) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM import_problem WHERE tenant_id = ? AND job_id IN"
                + " (SELECT id FROM import_job WHERE tenant_id = ?"
                + " AND state IN ('DONE', 'FAILED', 'CANCELLED') AND finished_at < ?)")) {
      delete.setString(1, tenant.value());
      delete.setString(2, tenant.value());
      delete.setTimestamp(3, Timestamp.from(before));
      return delete.executeUpdate();
    }
  }

  /**
   * Deletes the per-recipient records of the tenant's mailings that ended (sent or cancelled)
   * before {@code before}; the mailings themselves stay, with their totals of sent, failed and
   * skipped recipients counted from the records just before they go.
   *
   * @return the number deleted
   */
  static int sendingRecords(Connection c, TenantKey tenant, Instant before) throws SQLException {
    try (PreparedStatement totals =
        c.prepareStatement(
            "UPDATE mailing m SET"
                + " sent_count = (SELECT COUNT(*) FROM mailing_recipient r WHERE r.tenant_id ="
                + " m.tenant_id AND r.mailing_id = m.id AND r.state = 'SENT'),"
                + " failed_count = (SELECT COUNT(*) FROM mailing_recipient r WHERE r.tenant_id ="
                + " m.tenant_id AND r.mailing_id = m.id AND r.state = 'FAILED'),"
                + " skipped_count = (SELECT COUNT(*) FROM mailing_recipient r WHERE r.tenant_id ="
                + " m.tenant_id AND r.mailing_id = m.id AND r.state = 'SKIPPED'),"
                + " version = version + 1"
                + " WHERE m.tenant_id = ? AND m.status IN ('SENT', 'CANCELLED')"
                + " AND m.finished_at < ? AND m.sent_count IS NULL")) {
      totals.setString(1, tenant.value());
      totals.setTimestamp(2, Timestamp.from(before));
      totals.executeUpdate();
    }
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM mailing_recipient WHERE tenant_id = ? AND mailing_id IN"
                + " (SELECT id FROM mailing WHERE tenant_id = ? AND status IN ('SENT', 'CANCELLED')"
                + " AND finished_at < ?)")) {
      delete.setString(1, tenant.value());
      delete.setString(2, tenant.value());
      delete.setTimestamp(3, Timestamp.from(before));
      return delete.executeUpdate();
    }
  }
}
