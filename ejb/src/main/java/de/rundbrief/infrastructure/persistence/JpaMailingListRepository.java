package de.rundbrief.infrastructure.persistence;

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
