package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.mailing.MailingTemplate;
import de.rundbrief.domain.mailing.SharedTemplate;
import de.rundbrief.domain.mailing.Templates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaTemplates implements Templates {

  /** Tenant templates carry the tenant criterion; shared ones have no tenant. */
  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  protected JpaTemplates() {}

  JpaTemplates(EntityManager em) {
    this.em = em;
  }

  @Override
  public List<MailingTemplate> ofTenant() {
    return em.createQuery("SELECT t FROM MailingTemplate t ORDER BY t.name", MailingTemplate.class)
        .getResultList();
  }

  @Override
  public Optional<MailingTemplate> findOfTenant(long id) {
    return Optional.ofNullable(em.find(MailingTemplate.class, id));
  }

  @Override
  public Optional<MailingTemplate> findOfTenantByName(String name) {
    return em.createQuery(
            "SELECT t FROM MailingTemplate t WHERE t.name = :name", MailingTemplate.class)
        .setParameter("name", name.strip())
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(MailingTemplate template) {
    em.persist(template);
  }

  @Override
  public void remove(MailingTemplate template) {
    em.remove(template);
  }

  /**
   * Two queries, the column compared with a bound value: EclipseLink writes a boolean literal, and
   * a parameter compared with one, as 1 or 0 on H2, which H2 refuses to compare with a boolean
   * column.
   */
  @Override
  public List<SharedTemplate> shared(boolean publishedOnly) {
    if (!publishedOnly) {
      return em.createQuery("SELECT t FROM SharedTemplate t ORDER BY t.name", SharedTemplate.class)
          .getResultList();
    }
    return em.createQuery(
            "SELECT t FROM SharedTemplate t WHERE t.published = :published ORDER BY t.name",
            SharedTemplate.class)
        .setParameter("published", Boolean.TRUE)
        .getResultList();
  }

  @Override
  public Optional<SharedTemplate> findShared(long id) {
    return Optional.ofNullable(em.find(SharedTemplate.class, id));
  }

  @Override
  public Optional<SharedTemplate> findSharedByName(String name) {
    return em.createQuery(
            "SELECT t FROM SharedTemplate t WHERE t.name = :name", SharedTemplate.class)
        .setParameter("name", name.strip())
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(SharedTemplate template) {
    em.persist(template);
  }

  @Override
  public void remove(SharedTemplate template) {
    em.remove(template);
  }
}
