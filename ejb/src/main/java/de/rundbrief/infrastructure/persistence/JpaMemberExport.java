package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.mailinglist.MemberExport;
import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;

/**
 * Pages by the last address seen, not by offset: an address is unique in its tenant, and each page
 * costs the same however deep into a list of millions it is.
 */
@ApplicationScoped
public class JpaMemberExport implements MemberExport {

  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  protected JpaMemberExport() {}

  JpaMemberExport(EntityManager em) {
    this.em = em;
  }

  @Override
  public List<Subscription> after(
      long listId, SubscriptionStatus status, String afterEmail, int max) {
    TypedQuery<Subscription> query =
        em.createQuery(
                "SELECT s FROM Subscription s JOIN FETCH s.subscriber"
                    + " WHERE s.mailingList.id = :list"
                    + (status == null ? "" : " AND s.status = :status")
                    + (afterEmail == null ? "" : " AND s.subscriber.email.value > :after")
                    + " ORDER BY s.subscriber.email.value",
                Subscription.class)
            .setParameter("list", listId)
            .setMaxResults(max);
    if (status != null) {
      query.setParameter("status", status);
    }
    if (afterEmail != null) {
      query.setParameter("after", afterEmail);
    }
    return query.getResultList();
  }
}
