package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.mailinglist.ListSummary;
import de.rundbrief.domain.mailinglist.MailingList;
import de.rundbrief.domain.mailinglist.MailingListRepository;
import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaMailingListRepository implements MailingListRepository {

  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  protected JpaMailingListRepository() {}

  JpaMailingListRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<MailingList> find(long id) {
    return Optional.ofNullable(em.find(MailingList.class, id));
  }

  @Override
  public List<MailingList> all() {
    return em.createQuery("SELECT l FROM MailingList l ORDER BY l.name", MailingList.class)
        .getResultList();
  }

  @Override
  public Optional<Subscription> findSubscription(long subscriberId, long listId) {
    return em.createQuery(
            "SELECT s FROM Subscription s"
                + " WHERE s.subscriber.id = :subscriber AND s.mailingList.id = :list",
            Subscription.class)
        .setParameter("subscriber", subscriberId)
        .setParameter("list", listId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Subscription> subscriptionsOf(long subscriberId) {
    return em.createQuery(
            "SELECT s FROM Subscription s JOIN FETCH s.mailingList"
                + " WHERE s.subscriber.id = :subscriber ORDER BY s.mailingList.name",
            Subscription.class)
        .setParameter("subscriber", subscriberId)
        .getResultList();
  }

  @Override
  public Optional<MailingList> findByName(String name) {
    return em.createQuery("SELECT l FROM MailingList l WHERE l.name = :name", MailingList.class)
        .setParameter("name", name.strip())
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(MailingList list) {
    em.persist(list);
  }

  @Override
  public void add(Subscription subscription) {
    em.persist(subscription);
  }

  @Override
  public Page<Subscription> members(long listId, SubscriptionStatus status, PageRequest page) {
    String where =
        " WHERE s.mailingList.id = :list" + (status == null ? "" : " AND s.status = :status");
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(s) FROM Subscription s" + where, Long.class);
    TypedQuery<Subscription> rows =
        em.createQuery(
                "SELECT s FROM Subscription s JOIN FETCH s.subscriber"
                    + where
                    + " ORDER BY s.subscriber.email.value, s.id",
                Subscription.class)
            .setFirstResult(page.offset())
            .setMaxResults(page.size());
    for (TypedQuery<?> query : List.of(count, rows)) {
      query.setParameter("list", listId);
      if (status != null) {
        query.setParameter("status", status);
      }
    }
    return new Page<>(rows.getResultList(), count.getSingleResult(), page.page(), page.size());
  }

  @Override
  public List<ListSummary> summaries() {
    return summaries("", null);
  }

  @Override
  public Optional<ListSummary> summary(long id) {
    return summaries(" WHERE l.id = :id", id).stream().findFirst();
  }

  /**
   * Counts with a correlated subquery, not a LEFT JOIN: EclipseLink puts the joined entity's tenant
   * criterion into the WHERE clause and so turns the outer join into an inner one (bug #1185, still
   * in 4.0.7), which drops lists without members. See TenantDiscriminatorTest.
   */
  private List<ListSummary> summaries(String where, Long id) {
    TypedQuery<Object[]> query =
        em.createQuery(
                "SELECT l, (SELECT COUNT(s) FROM Subscription s"
                    + " WHERE s.mailingList = l AND s.status = :subscribed)"
                    + " FROM MailingList l"
                    + where
                    + " ORDER BY l.name",
                Object[].class)
            .setParameter("subscribed", SubscriptionStatus.SUBSCRIBED);
    if (id != null) {
      query.setParameter("id", id);
    }
    return query.getResultList().stream()
        .map(row -> new ListSummary((MailingList) row[0], (Long) row[1]))
        .toList();
  }
}
