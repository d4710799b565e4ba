package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.cms.CmsSource;
import de.rundbrief.domain.cms.CmsSourceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaCmsSourceRepository implements CmsSourceRepository {

  /** CMS sources have no tenant criterion; the tenant-bound unit reads them as they are. */
  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  protected JpaCmsSourceRepository() {}

  JpaCmsSourceRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public List<CmsSource> all() {
    return em.createQuery("SELECT s FROM CmsSource s ORDER BY s.name", CmsSource.class)
        .getResultList();
  }

  @Override
  public Optional<CmsSource> find(long id) {
    return Optional.ofNullable(em.find(CmsSource.class, id));
  }

  @Override
  public Optional<CmsSource> findByName(String name) {
    return em.createQuery("SELECT s FROM CmsSource s WHERE s.name = :name", CmsSource.class)
        .setParameter("name", name.strip())
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(CmsSource source) {
    em.persist(source);
  }

  @Override
  public void remove(CmsSource source) {
    em.remove(source);
  }
}
