package de.rundbrief.infrastructure.tracking;

import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tracking.MachineRules;
import de.rundbrief.domain.tracking.TrackingEvent;
import de.rundbrief.domain.tracking.TrackingKind;
import de.rundbrief.domain.tracking.TrackingLog;
import de.rundbrief.infrastructure.tenancy.TenantTransactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes opens and clicks into a bounded queue at once and writes them in batches, one transaction
 * per tenant, so that a redirect never waits for the database. When the queue is full, events are
 * dropped and counted: a burst of scanners must not slow down people's clicks.
 *
 * <p>Writing judges the one machine rule the request could not: an open or click that came within
 * seconds of the recipient's message being sent is a mail scanner's (see {@link MachineRules}).
 * Events of a mailing that no longer exists are left out.
 */
public final class TrackingWriter implements TrackingLog {

  /** Events written per flush at most; the rest wait for the next. */
  static final int BATCH = 20_000;

  private static final String INSERT =
      "INSERT INTO tracking_event (tenant_id, mailing_id, subscriber_id, kind, link_index,"
          + " occurred_at, ip, user_agent, machine)"
          + " SELECT ?, ?, ?, ?, ?, ?, ?, ?,"
          + " CASE WHEN CAST(? AS BOOLEAN) THEN TRUE"
          + " WHEN EXISTS (SELECT 1 FROM mailing_recipient r WHERE r.tenant_id = ?"
          + " AND r.mailing_id = ? AND r.subscriber_id = ? AND r.sent_at > ?) THEN TRUE"
          + " ELSE FALSE END"
          + " WHERE EXISTS (SELECT 1 FROM mailing m WHERE m.tenant_id = ? AND m.id = ?)";

  private final BlockingQueue<TrackingEvent> queue;
  private final TenantTransactions transactions;
  private final AtomicLong dropped = new AtomicLong();

  public TrackingWriter(TenantTransactions transactions, int capacity) {
    this.transactions = transactions;
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  @Override
  public boolean record(TrackingEvent event) {
    boolean taken = queue.offer(event);
    if (!taken) {
      dropped.incrementAndGet();
    }
    return taken;
  }

  /** Events dropped so far because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  public int waiting() {
    return queue.size();
  }

  /**
   * Writes what waits, at most {@link #BATCH} events.
   *
   * @return how many events were taken from the queue
   */
  public int flush() {
    List<TrackingEvent> events = new ArrayList<>();
    queue.drainTo(events, BATCH);
    Map<TenantKey, List<TrackingEvent>> byTenant = new LinkedHashMap<>();
    for (TrackingEvent event : events) {
      byTenant.computeIfAbsent(event.tenant(), tenant -> new ArrayList<>()).add(event);
    }
    for (Map.Entry<TenantKey, List<TrackingEvent>> tenant : byTenant.entrySet()) {
      transactions.inTenant(tenant.getKey(), c -> insert(c, tenant.getValue()));
    }
    return events.size();
  }

  static int insert(Connection c, List<TrackingEvent> events) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      for (TrackingEvent event : events) {
        String tenant = event.tenant().value();
        Timestamp at = Timestamp.from(event.occurredAt());
        Timestamp scannerSince =
            Timestamp.from(
                event
                    .occurredAt()
                    .minus(
                        event.kind() == TrackingKind.CLICK
                            ? MachineRules.CLICK_SCANNER_WINDOW
                            : MachineRules.OPEN_SCANNER_WINDOW));
        int i = 1;
        insert.setString(i++, tenant);
        insert.setLong(i++, event.mailingId());
        setLong(insert, i++, event.subscriberId());
        insert.setString(i++, event.kind().name());
        if (event.linkIndex() == null) {
          insert.setNull(i++, Types.INTEGER);
        } else {
          insert.setInt(i++, event.linkIndex());
        }
        insert.setTimestamp(i++, at);
        insert.setString(i++, event.ip());
        insert.setString(i++, event.userAgent());
        insert.setBoolean(i++, event.machine());
        insert.setString(i++, tenant);
        insert.setLong(i++, event.mailingId());
        setLong(insert, i++, event.subscriberId());
        insert.setTimestamp(i++, scannerSince);
        insert.setString(i++, tenant);
        insert.setLong(i, event.mailingId());
        insert.addBatch();
      }
      int written = 0;
      for (int count : insert.executeBatch()) {
        written += Math.max(count, 0);
      }
      return written;
    }
  }

  private static void setLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }
}
