package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tracking.MailingStatistics;
import de.rundbrief.domain.tracking.TrackingEvent;
import de.rundbrief.domain.tracking.TrackingKind;
import de.rundbrief.domain.tracking.TrackingStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.persistence.config.QueryHints;

/**
 * A mailing's figures from the counters the tracking writer keeps (events per kind, machine, link
 * and hour; recipients who opened or clicked), so that a mailing with ten million events reads a
 * few thousand rows; a subscriber's own events from the events themselves.
 */
@ApplicationScoped
public class JpaTrackingStatistics implements TrackingStatistics {

  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  protected JpaTrackingStatistics() {}

  JpaTrackingStatistics(EntityManager em) {
    this.em = em;
  }

  @Override
  public MailingStatistics.Counts opens(long mailingId) {
    return counts(mailingId, TrackingKind.OPEN);
  }

  @Override
  public MailingStatistics.Counts clicks(long mailingId) {
    return counts(mailingId, TrackingKind.CLICK);
  }

  private MailingStatistics.Counts counts(long mailingId, TrackingKind kind) {
    long total = 0;
    long machineTotal = 0;
    for (Object row :
        native_(
                "SELECT machine, SUM(events) FROM tracking_count"
                    + " WHERE tenant_id = ?1 AND mailing_id = ?2 AND kind = ?3 GROUP BY machine",
                mailingId)
            .setParameter(3, kind.name())
            .getResultList()) {
      Object[] values = (Object[]) row;
      if (Boolean.TRUE.equals(values[0])) {
        machineTotal = number(values[1]);
      } else {
        total = number(values[1]);
      }
    }
    long unique = 0;
    long machineUnique = 0;
    for (Object row :
        native_(
                "SELECT machine, COUNT(*) FROM tracking_recipient WHERE tenant_id = ?1"
                    + " AND mailing_id = ?2 AND kind = ?3 AND link_index = -1 GROUP BY machine",
                mailingId)
            .setParameter(3, kind.name())
            .getResultList()) {
      Object[] values = (Object[]) row;
      if (Boolean.TRUE.equals(values[0])) {
        machineUnique = number(values[1]);
      } else {
        unique = number(values[1]);
      }
    }
    return new MailingStatistics.Counts(total, unique, machineTotal, machineUnique);
  }

  /** A native query over the current tenant's rows of one mailing: ?1 tenant, ?2 mailing. */
  private jakarta.persistence.Query native_(String sql, long mailingId) {
    return em.createNativeQuery(sql)
        .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
        .setParameter(1, tenant())
        .setParameter(2, mailingId);
  }

  @Override
  public List<MailingStatistics.LinkClicks> links(long mailingId, List<String> urls) {
    Map<Integer, long[]> counts = new HashMap<>();
    for (Object row :
        native_(
                "SELECT link_index, SUM(events) FROM tracking_count WHERE tenant_id = ?1"
                    + " AND mailing_id = ?2 AND kind = 'CLICK' AND machine = FALSE"
                    + " GROUP BY link_index",
                mailingId)
            .getResultList()) {
      Object[] values = (Object[]) row;
      counts.computeIfAbsent((int) number(values[0]), i -> new long[2])[0] = number(values[1]);
    }
    for (Object row :
        native_(
                "SELECT link_index, COUNT(*) FROM tracking_recipient WHERE tenant_id = ?1"
                    + " AND mailing_id = ?2 AND kind = 'CLICK' AND machine = FALSE"
                    + " AND link_index >= 0 GROUP BY link_index",
                mailingId)
            .getResultList()) {
      Object[] values = (Object[]) row;
      counts.computeIfAbsent((int) number(values[0]), i -> new long[2])[1] = number(values[1]);
    }
    List<MailingStatistics.LinkClicks> links = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      long[] link = counts.getOrDefault(i, new long[2]);
      links.add(new MailingStatistics.LinkClicks(i, urls.get(i), link[0], link[1]));
    }
    return links;
  }

  @Override
  public List<HourlyCounts> timeline(long mailingId) {
    List<HourlyCounts> hours = new ArrayList<>();
    for (Object row :
        native_(
                "SELECT hour_utc, SUM(CASE WHEN kind = 'OPEN' THEN events ELSE 0 END),"
                    + " SUM(CASE WHEN kind = 'CLICK' THEN events ELSE 0 END)"
                    + " FROM tracking_count WHERE tenant_id = ?1 AND mailing_id = ?2"
                    + " AND machine = FALSE AND hour_utc < (SELECT MIN(f.hour_utc)"
                    + " FROM tracking_count f WHERE f.tenant_id = ?1 AND f.mailing_id = ?2"
                    + " AND f.machine = FALSE) + INTERVAL '"
                    + TIMELINE_HOURS
                    + "' HOUR GROUP BY hour_utc ORDER BY hour_utc",
                mailingId)
            .getResultList()) {
      Object[] values = (Object[]) row;
      hours.add(new HourlyCounts(utcHour(values[0]), number(values[1]), number(values[2])));
    }
    return hours;
  }

  /** A timestamp without zone that holds UTC, as the query truncated it. */
  private static Instant utcHour(Object value) {
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
    }
    if (value instanceof java.time.LocalDateTime local) {
      return local.toInstant(java.time.ZoneOffset.UTC);
    }
    return instant(value);
  }

  @Override
  public MailingStatistics.Bounces bounces(long mailingId) {
    Map<String, Long> byKind = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT kind, COUNT(*) FROM bounce_event WHERE tenant_id = ?1 AND mailing_id = ?2"
                    + " GROUP BY kind")
            .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
            .setParameter(1, tenant())
            .setParameter(2, mailingId)
            .getResultList()) {
      Object[] values = (Object[]) row;
      byKind.put((String) values[0], number(values[1]));
    }
    return new MailingStatistics.Bounces(
        byKind.getOrDefault("HARD", 0L),
        byKind.getOrDefault("SOFT", 0L),
        byKind.getOrDefault("COMPLAINT", 0L),
        byKind.getOrDefault("AUTO_REPLY", 0L));
  }

  @Override
  public long unsubscribes(long mailingId) {
    return number(
        em.createNativeQuery(
                "SELECT COUNT(DISTINCT subscriber_id) FROM consent_event WHERE tenant_id = ?1"
                    + " AND mailing_id = ?2 AND event_type = 'UNSUBSCRIBED'")
            .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
            .setParameter(1, tenant())
            .setParameter(2, mailingId)
            .getSingleResult());
  }

  @Override
  public List<TrackingEvent> eventsOf(long subscriberId) {
    String tenant = tenant();
    List<TrackingEvent> events = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT mailing_id, kind, link_index, occurred_at, ip, user_agent, machine"
                    + " FROM tracking_event WHERE tenant_id = ?1 AND subscriber_id = ?2"
                    + " ORDER BY occurred_at DESC, id DESC")
            .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
            .setParameter(1, tenant)
            .setParameter(2, subscriberId)
            .setMaxResults(EVENTS_OF_ONE)
            .getResultList()) {
      Object[] values = (Object[]) row;
      events.add(
          new TrackingEvent(
              TenantKey.of(tenant),
              number(values[0]),
              subscriberId,
              TrackingKind.valueOf((String) values[1]),
              values[2] == null ? null : (int) number(values[2]),
              instant(values[3]),
              (String) values[4],
              (String) values[5],
              Boolean.TRUE.equals(values[6])));
    }
    return events;
  }

  private static Instant instant(Object value) {
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    return (Instant) value;
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private String tenant() {
    return BoundTenant.of(em, "Statistics are read").value();
  }
}
