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
 * Counts tracking events with aggregate SQL in the database, over the index that leads with tenant,
 * mailing and kind: nothing is loaded row by row.
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
    long unique = 0;
    long machineTotal = 0;
    long machineUnique = 0;
    for (Object row :
        em.createNativeQuery(
                "SELECT machine, COUNT(*), COUNT(DISTINCT subscriber_id) FROM tracking_event"
                    + " WHERE tenant_id = ?1 AND mailing_id = ?2 AND kind = ?3 GROUP BY machine")
            .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
            .setParameter(1, tenant())
            .setParameter(2, mailingId)
            .setParameter(3, kind.name())
            .getResultList()) {
      Object[] values = (Object[]) row;
      if (Boolean.TRUE.equals(values[0])) {
        machineTotal = number(values[1]);
        machineUnique = number(values[2]);
      } else {
        total = number(values[1]);
        unique = number(values[2]);
      }
    }
    return new MailingStatistics.Counts(total, unique, machineTotal, machineUnique);
  }

  @Override
  public List<MailingStatistics.LinkClicks> links(long mailingId, List<String> urls) {
    Map<Integer, long[]> counts = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT link_index, COUNT(*), COUNT(DISTINCT subscriber_id) FROM tracking_event"
                    + " WHERE tenant_id = ?1 AND mailing_id = ?2 AND kind = 'CLICK'"
                    + " AND machine = FALSE GROUP BY link_index")
            .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
            .setParameter(1, tenant())
            .setParameter(2, mailingId)
            .getResultList()) {
      Object[] values = (Object[]) row;
      counts.put((int) number(values[0]), new long[] {number(values[1]), number(values[2])});
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
        em.createNativeQuery(
                "SELECT date_trunc('hour', occurred_at AT TIME ZONE 'UTC') AS h,"
                    + " SUM(CASE WHEN kind = 'OPEN' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN kind = 'CLICK' THEN 1 ELSE 0 END)"
                    + " FROM tracking_event WHERE tenant_id = ?1 AND mailing_id = ?2"
                    + " AND machine = FALSE GROUP BY h ORDER BY h")
            .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
            .setParameter(1, tenant())
            .setParameter(2, mailingId)
            .setMaxResults(TIMELINE_HOURS)
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
