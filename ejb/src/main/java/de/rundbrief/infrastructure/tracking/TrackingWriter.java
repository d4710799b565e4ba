package de.rundbrief.infrastructure.tracking;

import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tracking.MachineRules;
import de.rundbrief.domain.tracking.TrackingEvent;
import de.rundbrief.domain.tracking.TrackingKind;
import de.rundbrief.domain.tracking.TrackingLog;
import de.rundbrief.infrastructure.tenancy.TenantTransactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes opens and clicks into a bounded queue at once and writes them in batches, one transaction
 * per tenant, so that a redirect never waits for the database. When the queue is full, events are
 * dropped and counted: a burst of scanners must not slow down people's clicks.
 *
 * <p>Writing judges the one machine rule the request could not: an open or click that came within
 * seconds of the recipient's message being sent is a mail scanner's (see {@link MachineRules}).
 * Events of a mailing that no longer exists are left out. Each batch also adds to the counters that
 * the statistics read, in the same transaction.
 */
public final class TrackingWriter implements TrackingLog {

  /** Events written per flush at most; the rest wait for the next. */
  static final int BATCH = 20_000;

  private static final Logger LOG = Logger.getLogger(TrackingWriter.class.getName());

  private final BlockingQueue<TrackingEvent> queue;
  private final TenantTransactions transactions;
  private final boolean postgreSql;
  private final AtomicLong dropped = new AtomicLong();

  /**
   * @param postgreSql whether the database is PostgreSQL; else H2, whose upsert reads differently
   */
  public TrackingWriter(TenantTransactions transactions, boolean postgreSql, int capacity) {
    this.transactions = transactions;
    this.postgreSql = postgreSql;
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

  /**
   * Writes what waits, at most {@link #BATCH} events, one transaction per tenant; a tenant whose
   * transaction fails loses its events of this batch, the others are written all the same.
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
      try {
        transactions.inTenant(tenant.getKey(), c -> insert(c, tenant.getValue()));
      } catch (RuntimeException e) {
        LOG.log(
            Level.SEVERE,
            tenant.getValue().size() + " tracking events of " + tenant.getKey() + " are lost",
            e);
      }
    }
    return events.size();
  }

  /** A counter: events of a mailing by kind, machine or person, link (-1: none) and UTC hour. */
  private record CountKey(
      long mailingId, TrackingKind kind, boolean machine, int link, LocalDateTime hour)
      implements Comparable<CountKey> {

    private static final Comparator<CountKey> ORDER =
        Comparator.comparingLong(CountKey::mailingId)
            .thenComparing(CountKey::kind)
            .thenComparing(CountKey::machine)
            .thenComparingInt(CountKey::link)
            .thenComparing(CountKey::hour);

    @Override
    public int compareTo(CountKey other) {
      return ORDER.compare(this, other);
    }
  }

  /** A recipient who opened or clicked: of the mailing as a whole (link -1), or of one link. */
  private record RecipientKey(
      long mailingId, TrackingKind kind, boolean machine, int link, long subscriberId)
      implements Comparable<RecipientKey> {

    private static final Comparator<RecipientKey> ORDER =
        Comparator.comparingLong(RecipientKey::mailingId)
            .thenComparing(RecipientKey::kind)
            .thenComparing(RecipientKey::machine)
            .thenComparingInt(RecipientKey::link)
            .thenComparingLong(RecipientKey::subscriberId);

    @Override
    public int compareTo(RecipientKey other) {
      return ORDER.compare(this, other);
    }
  }

  /** A recipient of a mailing. */
  private record Sent(long mailingId, long subscriberId) {}

  /**
   * Writes one tenant's events: each as it is, and into the counters the statistics read. Events of
   * a mailing that no longer exists are left out; those of a subscriber that no longer exists
   * (erased since the mail went out) are kept linked to nobody, without address or agent. The
   * counters are written in key order, so that instances writing the same counters at once wait for
   * each other instead of deadlocking.
   *
   * @return how many events were written
   */
  int insert(Connection c, List<TrackingEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return 0;
    }
    String tenant = events.get(0).tenant().value();
    Set<Long> mailings =
        existing(c, "mailing", tenant, events.stream().map(TrackingEvent::mailingId).toList());
    Set<Long> subscribers =
        existing(
            c,
            "subscriber",
            tenant,
            events.stream().map(TrackingEvent::subscriberId).filter(Objects::nonNull).toList());
    Map<Sent, Instant> sentAt = sentAt(c, tenant, events);
    Map<CountKey, Long> counts = new TreeMap<>();
    Set<RecipientKey> recipients = new TreeSet<>();
    int written = 0;
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO tracking_event (tenant_id, mailing_id, subscriber_id, kind, link_index,"
                + " occurred_at, ip, user_agent, machine) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (TrackingEvent event : events) {
        if (!mailings.contains(event.mailingId())) {
          continue;
        }
        boolean known = event.subscriberId() != null && subscribers.contains(event.subscriberId());
        Instant sent = known ? sentAt.get(new Sent(event.mailingId(), event.subscriberId())) : null;
        boolean machine =
            event.machine()
                || (sent != null
                    && MachineRules.soonAfterSending(
                        event.kind(), Duration.between(sent, event.occurredAt())));
        int link = event.linkIndex() == null ? -1 : event.linkIndex();
        insert.setString(1, tenant);
        insert.setLong(2, event.mailingId());
        setLong(insert, 3, known ? event.subscriberId() : null);
        insert.setString(4, event.kind().name());
        if (event.linkIndex() == null) {
          insert.setNull(5, Types.INTEGER);
        } else {
          insert.setInt(5, link);
        }
        insert.setTimestamp(6, Timestamp.from(event.occurredAt()));
        insert.setString(7, known ? event.ip() : null);
        insert.setString(8, known ? event.userAgent() : null);
        insert.setBoolean(9, machine);
        insert.addBatch();
        written++;
        LocalDateTime hour =
            LocalDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.HOURS);
        counts.merge(
            new CountKey(event.mailingId(), event.kind(), machine, link, hour), 1L, Long::sum);
        if (known) {
          recipients.add(
              new RecipientKey(event.mailingId(), event.kind(), machine, -1, event.subscriberId()));
          if (link >= 0) {
            recipients.add(
                new RecipientKey(
                    event.mailingId(), event.kind(), machine, link, event.subscriberId()));
          }
        }
      }
      insert.executeBatch();
    }
    count(c, tenant, counts);
    remember(c, tenant, recipients);
    return written;
  }

  /** Adds to the event counters, creating those not there yet. */
  private void count(Connection c, String tenant, Map<CountKey, Long> counts) throws SQLException {
    String sql =
        postgreSql
            ? "INSERT INTO tracking_count (tenant_id, mailing_id, kind, machine, link_index,"
                + " hour_utc, events) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id,"
                + " mailing_id, kind, machine, link_index, hour_utc)"
                + " DO UPDATE SET events = tracking_count.events + EXCLUDED.events"
            : "MERGE INTO tracking_count t USING (VALUES (CAST(? AS VARCHAR(32)),"
                + " CAST(? AS BIGINT), CAST(? AS VARCHAR(8)), CAST(? AS BOOLEAN),"
                + " CAST(? AS INTEGER), CAST(? AS TIMESTAMP), CAST(? AS BIGINT)))"
                + " s (tenant_id, mailing_id, kind, machine, link_index, hour_utc, events)"
                + " ON t.tenant_id = s.tenant_id AND t.mailing_id = s.mailing_id"
                + " AND t.kind = s.kind AND t.machine = s.machine"
                + " AND t.link_index = s.link_index AND t.hour_utc = s.hour_utc"
                + " WHEN MATCHED THEN UPDATE SET events = t.events + s.events"
                + " WHEN NOT MATCHED THEN INSERT (tenant_id, mailing_id, kind, machine,"
                + " link_index, hour_utc, events) VALUES (s.tenant_id, s.mailing_id, s.kind,"
                + " s.machine, s.link_index, s.hour_utc, s.events)";
    try (PreparedStatement upsert = c.prepareStatement(sql)) {
      for (Map.Entry<CountKey, Long> count : counts.entrySet()) {
        CountKey key = count.getKey();
        upsert.setString(1, tenant);
        upsert.setLong(2, key.mailingId());
        upsert.setString(3, key.kind().name());
        upsert.setBoolean(4, key.machine());
        upsert.setInt(5, key.link());
        upsert.setObject(6, key.hour());
        upsert.setLong(7, count.getValue());
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  /** Notes who opened or clicked, once each. */
  private void remember(Connection c, String tenant, Set<RecipientKey> recipients)
      throws SQLException {
    String sql =
        postgreSql
            ? "INSERT INTO tracking_recipient (tenant_id, mailing_id, kind, machine, link_index,"
                + " subscriber_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
            : "MERGE INTO tracking_recipient (tenant_id, mailing_id, kind, machine, link_index,"
                + " subscriber_id) KEY (tenant_id, mailing_id, kind, machine, link_index,"
                + " subscriber_id) VALUES (?, ?, ?, ?, ?, ?)";
    try (PreparedStatement insert = c.prepareStatement(sql)) {
      for (RecipientKey key : recipients) {
        insert.setString(1, tenant);
        insert.setLong(2, key.mailingId());
        insert.setString(3, key.kind().name());
        insert.setBoolean(4, key.machine());
        insert.setInt(5, key.link());
        insert.setLong(6, key.subscriberId());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Which of these ids the tenant's table still has. */
  private static Set<Long> existing(Connection c, String table, String tenant, List<Long> ids)
      throws SQLException {
    Set<Long> found = new HashSet<>();
    for (List<Long> part : parts(new ArrayList<>(new LinkedHashSet<>(ids)))) {
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT id FROM "
                  + table
                  + " WHERE tenant_id = ? AND id IN ("
                  + marks(part.size())
                  + ")")) {
        select.setString(1, tenant);
        for (int i = 0; i < part.size(); i++) {
          select.setLong(i + 2, part.get(i));
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            found.add(rows.getLong(1));
          }
        }
      }
    }
    return found;
  }

  /** When each recipient of the batch was sent its message. */
  private static Map<Sent, Instant> sentAt(Connection c, String tenant, List<TrackingEvent> events)
      throws SQLException {
    Map<Long, Set<Long>> byMailing = new LinkedHashMap<>();
    for (TrackingEvent event : events) {
      if (event.subscriberId() != null) {
        byMailing
            .computeIfAbsent(event.mailingId(), m -> new LinkedHashSet<>())
            .add(event.subscriberId());
      }
    }
    Map<Sent, Instant> sent = new HashMap<>();
    for (Map.Entry<Long, Set<Long>> mailing : byMailing.entrySet()) {
      for (List<Long> part : parts(new ArrayList<>(mailing.getValue()))) {
        try (PreparedStatement select =
            c.prepareStatement(
                "SELECT subscriber_id, sent_at FROM mailing_recipient WHERE tenant_id = ?"
                    + " AND mailing_id = ? AND sent_at IS NOT NULL AND subscriber_id IN ("
                    + marks(part.size())
                    + ")")) {
          select.setString(1, tenant);
          select.setLong(2, mailing.getKey());
          for (int i = 0; i < part.size(); i++) {
            select.setLong(i + 3, part.get(i));
          }
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              sent.put(
                  new Sent(mailing.getKey(), rows.getLong(1)), rows.getTimestamp(2).toInstant());
            }
          }
        }
      }
    }
    return sent;
  }

  private static List<List<Long>> parts(List<Long> ids) {
    List<List<Long>> parts = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += 1000) {
      parts.add(ids.subList(from, Math.min(ids.size(), from + 1000)));
    }
    return parts;
  }

  private static String marks(int count) {
    return String.join(",", java.util.Collections.nCopies(count, "?"));
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
