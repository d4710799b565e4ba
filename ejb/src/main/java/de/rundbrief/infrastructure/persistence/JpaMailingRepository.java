package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.mailing.Mailing;
import de.rundbrief.domain.mailing.MailingProgress;
import de.rundbrief.domain.mailing.MailingRepository;
import de.rundbrief.domain.mailing.MailingStatus;
import de.rundbrief.domain.mailing.Recipient;
import de.rundbrief.domain.mailing.RecipientState;
import de.rundbrief.domain.segment.SegmentDefinition;
import de.rundbrief.domain.subscriber.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.persistence.config.QueryHints;

@ApplicationScoped
public class JpaMailingRepository implements MailingRepository {

  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  protected JpaMailingRepository() {}

  JpaMailingRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Page<Mailing> page(MailingStatus status, PageRequest page) {
    return CriteriaPages.page(
        em,
        Mailing.class,
        (cb, row) ->
            status == null
                ? new Predicate[0]
                : new Predicate[] {cb.equal(row.get("status"), status)},
        (cb, row) -> List.of(cb.desc(row.get("createdAt")), cb.desc(row.get("id"))),
        page);
  }

  @Override
  public Optional<Mailing> find(long id) {
    return Optional.ofNullable(em.find(Mailing.class, id));
  }

  @Override
  public Optional<Mailing> findForStart(long id) {
    return Optional.ofNullable(em.find(Mailing.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public void add(Mailing mailing) {
    em.persist(mailing);
  }

  @Override
  public void remove(Mailing mailing) {
    em.remove(mailing);
  }

  /**
   * One INSERT … SELECT for the lists' subscribed members, then, where segments narrow them, one
   * DELETE of those in none of the segments. Both name the tenant explicitly: EclipseLink leaves it
   * out of native SQL and of bulk deletes (bug #1333).
   */
  @Override
  public int fixRecipients(Mailing mailing, List<SegmentDefinition> segments) {
    em.flush();
    CachedChecks.forThisTransaction(em);
    String tenant = tenant();
    String lists =
        mailing.getListIds().stream().map(String::valueOf).collect(Collectors.joining(","));
    int inserted =
        em.createNativeQuery(
                "INSERT INTO mailing_recipient (tenant_id, mailing_id, subscriber_id, email, state,"
                    + " attempts) SELECT s.tenant_id, ?1, s.id, s.email, 'QUEUED', 0"
                    + " FROM subscriber s WHERE s.tenant_id = ?2 AND s.status = 'ACTIVE'"
                    + " AND EXISTS (SELECT 1 FROM subscription u WHERE u.tenant_id = s.tenant_id"
                    + " AND u.subscriber_id = s.id AND u.status = 'SUBSCRIBED'"
                    + " AND u.mailing_list_id IN ("
                    + lists
                    + "))")
            .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
            .setParameter(1, mailing.getId())
            .setParameter(2, tenant)
            .executeUpdate();
    if (segments.isEmpty() || inserted == 0) {
      return inserted;
    }
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaDelete<Recipient> delete = cb.createCriteriaDelete(Recipient.class);
    Root<Recipient> recipient = delete.from(Recipient.class);
    Subquery<Long> inSegment = delete.subquery(Long.class);
    Root<Subscriber> subscriber = inSegment.from(Subscriber.class);
    JpaAttributeRepository fields = new JpaAttributeRepository(em);
    List<Predicate> any = new ArrayList<>();
    for (SegmentDefinition segment : segments) {
      any.add(SegmentPredicates.of(cb, inSegment, subscriber, segment, fields::findByKey));
    }
    inSegment
        .select(subscriber.get("id"))
        .where(
            cb.equal(subscriber.get("id"), recipient.get("subscriberId")),
            cb.or(any.toArray(Predicate[]::new)));
    delete.where(
        cb.equal(recipient.get("tenantId"), tenant),
        cb.equal(recipient.get("mailingId"), mailing.getId()),
        cb.not(cb.exists(inSegment)));
    return inserted - em.createQuery(delete).executeUpdate();
  }

  @Override
  public MailingProgress progress(Mailing mailing) {
    if (mailing.hasOnlyTotals()) {
      return new MailingProgress(
          mailing.getId(),
          mailing.getStatus(),
          mailing.getSentCount() + mailing.getFailedCount() + mailing.getSkippedCount(),
          0,
          0,
          mailing.getSentCount(),
          mailing.getFailedCount(),
          mailing.getSkippedCount(),
          null,
          null);
    }
    Map<RecipientState, Long> counts = new EnumMap<>(RecipientState.class);
    Instant first = null;
    Instant last = null;
    List<Object[]> rows =
        em.createQuery(
                "SELECT r.state, COUNT(r), MIN(r.sentAt), MAX(r.sentAt) FROM Recipient r"
                    + " WHERE r.mailingId = :mailing GROUP BY r.state",
                Object[].class)
            .setParameter("mailing", mailing.getId())
            .getResultList();
    for (Object[] row : rows) {
      counts.put((RecipientState) row[0], (Long) row[1]);
      if (row[0] == RecipientState.SENT) {
        first = ((OffsetDateTime) row[2]).toInstant();
        last = ((OffsetDateTime) row[3]).toInstant();
      }
    }
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    return new MailingProgress(
        mailing.getId(),
        mailing.getStatus(),
        total,
        counts.getOrDefault(RecipientState.QUEUED, 0L),
        counts.getOrDefault(RecipientState.SENDING, 0L),
        counts.getOrDefault(RecipientState.SENT, 0L),
        counts.getOrDefault(RecipientState.FAILED, 0L),
        counts.getOrDefault(RecipientState.SKIPPED, 0L),
        first,
        last);
  }

  @Override
  public Page<Recipient> recipients(long mailingId, RecipientState state, PageRequest page) {
    return CriteriaPages.page(
        em,
        Recipient.class,
        (cb, row) -> {
          List<Predicate> where = new ArrayList<>();
          where.add(cb.equal(row.get("mailingId"), mailingId));
          if (state != null) {
            where.add(cb.equal(row.get("state"), state));
          }
          return where.toArray(Predicate[]::new);
        },
        (cb, row) -> List.of(cb.asc(row.get("email")), cb.asc(row.get("subscriberId"))),
        page);
  }

  @Override
  public int skipRemaining(long mailingId, String reason) {
    em.flush();
    return em.createNativeQuery(
            "UPDATE mailing_recipient SET state = 'SKIPPED', reason = ?1"
                + " WHERE tenant_id = ?2 AND mailing_id = ?3 AND state = 'QUEUED'")
        .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
        .setParameter(1, reason)
        .setParameter(2, tenant())
        .setParameter(3, mailingId)
        .executeUpdate();
  }

  private String tenant() {
    return BoundTenant.of(em, "Mailings are handled").value();
  }
}
