package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.subscriber.SubscriberFilter;
import de.rundbrief.domain.subscriber.SubscriberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.persistence.config.QueryHints;

@ApplicationScoped
public class JpaSubscriberRepository implements SubscriberRepository {

  /** The tenant-bound unit: every query carries the current tenant. */
  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  /** The central unit: no tenant criterion, only row-level security's explicit tenant list. */
  @PersistenceContext(unitName = "rundbrief-central")
  private EntityManager centralEm;

  protected JpaSubscriberRepository() {}

  JpaSubscriberRepository(EntityManager em, EntityManager centralEm) {
    this.em = em;
    this.centralEm = centralEm;
  }

  @Override
  public Optional<Subscriber> find(long id) {
    return Optional.ofNullable(em.find(Subscriber.class, id));
  }

  @Override
  public Optional<Subscriber> findByEmail(EmailAddress email) {
    return em.createQuery(
            "SELECT s FROM Subscriber s WHERE s.email.value = :email", Subscriber.class)
        .setParameter("email", email.value())
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(Subscriber subscriber) {
    em.persist(subscriber);
  }

  /**
   * Deletes the subscriber; its opens, clicks and bounces stay counted, linked to nobody, without
   * address, agent or reason text. This is the only path by which subscribers are deleted.
   */
  @Override
  public void remove(Subscriber subscriber) {
    String tenant = BoundTenant.of(em, "Subscribers are deleted").value();
    for (String unlink :
        List.of(
            "UPDATE tracking_event SET subscriber_id = NULL, ip = NULL, user_agent = NULL"
                + " WHERE tenant_id = ?1 AND subscriber_id = ?2",
            "UPDATE bounce_event SET subscriber_id = NULL, reason = ''"
                + " WHERE tenant_id = ?1 AND subscriber_id = ?2")) {
      em.createNativeQuery(unlink)
          .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
          .setParameter(1, tenant)
          .setParameter(2, subscriber.getId())
          .executeUpdate();
    }
    em.remove(em.contains(subscriber) ? subscriber : em.merge(subscriber));
  }

  @Override
  public Page<Subscriber> search(SubscriberFilter filter, PageRequest page) {
    return search(em, filter, page);
  }

  @Override
  public List<Subscriber> firstByEmail(SubscriberFilter filter, int max) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Subscriber> select = cb.createQuery(Subscriber.class);
    Root<Subscriber> row = select.from(Subscriber.class);
    select
        .select(row)
        .where(where(em, filter).apply(cb, select, row))
        .orderBy(cb.asc(row.get("email").get("value")));
    return em.createQuery(select).setMaxResults(max).getResultList();
  }

  @Override
  public Page<Subscriber> searchAcrossTenants(SubscriberFilter filter, PageRequest page) {
    if (filter.segment() != null) {
      throw new IllegalArgumentException("Segments select inside one tenant");
    }
    return search(centralEm, filter, page);
  }

  private static Page<Subscriber> search(
      EntityManager em, SubscriberFilter filter, PageRequest page) {
    return CriteriaPages.page(
        em, Subscriber.class, where(em, filter), (cb, row) -> order(cb, row, page), page);
  }

  private static CriteriaPages.Where<Subscriber> where(EntityManager em, SubscriberFilter filter) {
    JpaAttributeRepository fields = new JpaAttributeRepository(em);
    return (cb, query, row) -> {
      List<Predicate> predicates = predicates(cb, row, filter);
      if (filter.segment() != null) {
        predicates.add(SegmentPredicates.of(cb, query, row, filter.segment(), fields::findByKey));
      }
      return predicates.toArray(Predicate[]::new);
    };
  }

  private static List<Predicate> predicates(
      CriteriaBuilder cb, Root<Subscriber> row, SubscriberFilter filter) {
    List<Predicate> predicates = new ArrayList<>();
    if (filter.hasText()) {
      String pattern =
          "%" + CriteriaPages.escapeLike(filter.text().strip().toLowerCase(Locale.ROOT)) + "%";
      predicates.add(
          cb.or(
              cb.like(row.get("email").get("value"), pattern, '\\'),
              cb.like(cb.lower(row.get("firstName")), pattern, '\\'),
              cb.like(cb.lower(row.get("lastName")), pattern, '\\')));
    }
    if (filter.status() != null) {
      predicates.add(cb.equal(row.get("status"), filter.status()));
    }
    if (filter.tenant() != null) {
      predicates.add(cb.equal(row.get("tenantId"), filter.tenant().value()));
    }
    if (filter.emailAfter() != null) {
      predicates.add(cb.greaterThan(row.get("email").get("value"), filter.emailAfter()));
    }
    return predicates;
  }

  private static List<Order> order(CriteriaBuilder cb, Root<Subscriber> row, PageRequest page) {
    List<Order> order = new ArrayList<>();
    String sortBy = page.sortBy() == null ? "createdAt" : page.sortBy();
    if (!SORTABLE.contains(sortBy)) {
      throw new IllegalArgumentException("Cannot sort subscribers by " + sortBy);
    }
    Expression<?> key = "email".equals(sortBy) ? row.get("email").get("value") : row.get(sortBy);
    order.add(page.ascending() ? cb.asc(key) : cb.desc(key));
    order.add(page.ascending() ? cb.asc(row.get("id")) : cb.desc(row.get("id")));
    return order;
  }
}
