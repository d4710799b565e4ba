package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.importing.ImportJob;
import de.rundbrief.domain.importing.ImportJobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaImportJobRepository implements ImportJobRepository {

  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  protected JpaImportJobRepository() {}

  @Override
  public Optional<ImportJob> find(long id) {
    return Optional.ofNullable(em.find(ImportJob.class, id));
  }

  @Override
  public List<ImportJob> ofList(long listId, int max) {
    return em.createQuery(
            "SELECT j FROM ImportJob j WHERE j.mailingListId = :list"
                + " ORDER BY j.createdAt DESC, j.id DESC",
            ImportJob.class)
        .setParameter("list", listId)
        .setMaxResults(max)
        .getResultList();
  }

  /** Written at once, so that plain SQL in the same transaction (the upload) can refer to it. */
  @Override
  public void add(ImportJob job) {
    em.persist(job);
    em.flush();
  }

  /** Reads the job again after plain SQL changed it. */
  @Override
  public void refresh(ImportJob job) {
    em.refresh(job);
  }
}
