package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.consent.ConsentEvent;
import de.rundbrief.domain.consent.ConsentLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@ApplicationScoped
public class JpaConsentLog implements ConsentLog {

  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  protected JpaConsentLog() {}

  JpaConsentLog(EntityManager em) {
    this.em = em;
  }

  @Override
  public void record(ConsentEvent event) {
    em.persist(event);
  }

  @Override
  public List<ConsentEvent> history(long subscriberId) {
    return em.createQuery(
            "SELECT e FROM ConsentEvent e WHERE e.subscriber.id = :subscriber"
                + " ORDER BY e.occurredAt, e.id",
            ConsentEvent.class)
        .setParameter("subscriber", subscriberId)
        .getResultList();
  }
}
