package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.statistics.GrowthDay;
import de.rundbrief.domain.statistics.GrowthStatistics;
import de.rundbrief.domain.statistics.Period;
import de.rundbrief.domain.statistics.TenantFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.persistence.config.QueryHints;

/**
 * Growth per day from the consent log and the bounce events, and tenants' figures side by side,
 * each one aggregate query. Days are those of Europe/Berlin, where Rundbrief's staff work. A
 * tenant's growth goes through the tenant-bound unit with the tenant named in the SQL; across
 * tenants through the central unit, where row-level security limits the rows to the tenants the
 * guard bound.
 */
@ApplicationScoped
public class JpaGrowthStatistics implements GrowthStatistics {

  private static final String DAY = "CAST(%s AT TIME ZONE '" + Period.ZONE.getId() + "' AS DATE)";

  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  @PersistenceContext(unitName = "rundbrief-central")
  private EntityManager centralEm;

  protected JpaGrowthStatistics() {}

  JpaGrowthStatistics(EntityManager em, EntityManager centralEm) {
    this.em = em;
    this.centralEm = centralEm;
  }

  @Override
  public List<GrowthDay> growth(Long listId, Instant from, Instant to) {
    String tenant = BoundTenant.of(em, "Statistics are read").value();
    String consentList = listId == null ? "" : " AND c.mailing_list_id = ?5";
    String bounceList =
        listId == null
            ? ""
            : " AND EXISTS (SELECT 1 FROM subscription s WHERE s.tenant_id = b.tenant_id"
                + " AND s.subscriber_id = b.subscriber_id AND s.mailing_list_id = ?5)";
    Query query =
        em.createNativeQuery(
            growthSql(" AND c.tenant_id = ?1" + consentList, " AND b.tenant_id = ?1" + bounceList));
    query.setParameter(1, tenant);
    if (listId != null) {
      query.setParameter(5, listId);
    }
    return days(query, from, to);
  }

  @Override
  public List<GrowthDay> growthAcrossTenants(Instant from, Instant to) {
    return days(centralEm.createNativeQuery(growthSql("", "")), from, to);
  }

  private static String growthSql(String consentWhere, String bounceWhere) {
    return "SELECT d, SUM(subscribed), SUM(confirmed), SUM(unsubscribed), SUM(bounced) FROM ("
        + " SELECT "
        + DAY.formatted("c.occurred_at")
        + " AS d,"
        + " CASE WHEN c.event_type IN ('REQUESTED', 'SUBSCRIBED') THEN 1 ELSE 0 END AS subscribed,"
        + " CASE WHEN c.event_type = 'CONFIRMED' THEN 1 ELSE 0 END AS confirmed,"
        + " CASE WHEN c.event_type = 'UNSUBSCRIBED' THEN 1 ELSE 0 END AS unsubscribed,"
        + " 0 AS bounced FROM consent_event c WHERE c.occurred_at >= ?2 AND c.occurred_at < ?3"
        + consentWhere
        + " UNION ALL SELECT "
        + DAY.formatted("b.received_at")
        + ", 0, 0, 0, 1 FROM bounce_event b WHERE b.kind = 'HARD'"
        + " AND b.received_at >= ?2 AND b.received_at < ?3"
        + bounceWhere
        + ") x GROUP BY d ORDER BY d";
  }

  private static List<GrowthDay> days(Query query, Instant from, Instant to) {
    query.setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true);
    query.setParameter(2, Timestamp.from(from));
    query.setParameter(3, Timestamp.from(to));
    List<GrowthDay> days = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] values = (Object[]) row;
      days.add(
          new GrowthDay(
              date(values[0]),
              number(values[1]),
              number(values[2]),
              number(values[3]),
              number(values[4])));
    }
    return days;
  }

  @Override
  public List<TenantFigures> compareTenants(Instant from, Instant to) {
    String started = "m.started_at >= ?1 AND m.started_at < ?2";
    Query query =
        centralEm.createNativeQuery(
            "SELECT t.tenant_key, t.name,"
                + " (SELECT COUNT(*) FROM subscription s WHERE s.tenant_id = t.tenant_key"
                + " AND s.status = 'SUBSCRIBED'),"
                + " (SELECT COUNT(*) FROM consent_event c WHERE c.tenant_id = t.tenant_key"
                + " AND c.event_type IN ('REQUESTED', 'SUBSCRIBED')"
                + " AND c.occurred_at >= ?1 AND c.occurred_at < ?2),"
                + " (SELECT COUNT(*) FROM consent_event c WHERE c.tenant_id = t.tenant_key"
                + " AND c.event_type = 'UNSUBSCRIBED' AND c.occurred_at >= ?1 AND c.occurred_at < ?2),"
                + " (SELECT COUNT(*) FROM mailing m WHERE m.tenant_id = t.tenant_key AND "
                + started
                + "),"
                + " (SELECT COALESCE(SUM(m.recipient_count), 0) FROM mailing m"
                + " WHERE m.tenant_id = t.tenant_key AND "
                + started
                + "),"
                + uniqueEvents("OPEN", started)
                + ","
                + uniqueEvents("CLICK", started)
                + ","
                + " (SELECT COUNT(*) FROM bounce_event b WHERE b.tenant_id = t.tenant_key"
                + " AND b.kind = 'HARD' AND b.received_at >= ?1 AND b.received_at < ?2),"
                + " (SELECT COUNT(*) FROM bounce_event b WHERE b.tenant_id = t.tenant_key"
                + " AND b.kind = 'COMPLAINT' AND b.received_at >= ?1 AND b.received_at < ?2)"
                + " FROM tenant t ORDER BY t.name");
    query.setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true);
    query.setParameter(1, Timestamp.from(from));
    query.setParameter(2, Timestamp.from(to));
    List<TenantFigures> figures = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] v = (Object[]) row;
      figures.add(
          new TenantFigures(
              (String) v[0],
              (String) v[1],
              number(v[2]),
              number(v[3]),
              number(v[4]),
              number(v[5]),
              number(v[6]),
              number(v[7]),
              number(v[8]),
              number(v[9]),
              number(v[10])));
    }
    return figures;
  }

  /** Recipients of the period's mailings who opened (or clicked), by people. */
  private static String uniqueEvents(String kind, String started) {
    return " (SELECT COUNT(*) FROM tracking_recipient r JOIN mailing m"
        + " ON m.tenant_id = r.tenant_id AND m.id = r.mailing_id"
        + " WHERE r.tenant_id = t.tenant_key AND r.kind = '"
        + kind
        + "' AND r.machine = FALSE AND r.link_index = -1 AND "
        + started
        + ")";
  }

  private static LocalDate date(Object value) {
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    return (LocalDate) value;
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
