package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.importing.ImportJob;
import de.rundbrief.domain.importing.ImportJobRepository;
import de.rundbrief.domain.subscriber.EmailAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.persistence.config.QueryHints;

@ApplicationScoped
public class JpaImportJobRepository implements ImportJobRepository {

  /** What a problem row says once the address it named was erased. */
  static final String ERASED = "(the address was erased on its owner's request)";

  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  protected JpaImportJobRepository() {}

  JpaImportJobRepository(EntityManager em) {
    this.em = em;
  }

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

  /** Native SQL: the problem rows are written by the import worker and have no entity. */
  @Override
  public int forgetAddress(EmailAddress address) {
    String tenant = BoundTenant.of(em, "Import reports are cleared").value();
    return em.createNativeQuery(
            "UPDATE import_problem SET detail = ?1"
                + " WHERE tenant_id = ?2 AND LOWER(detail) LIKE ?3 ESCAPE '\\'")
        .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
        .setParameter(1, ERASED)
        .setParameter(2, tenant)
        .setParameter(
            3, "%" + CriteriaPages.escapeLike(address.value().toLowerCase(Locale.ROOT)) + "%")
        .executeUpdate();
  }

  /** Reads the job again after plain SQL changed it. */
  @Override
  public void refresh(ImportJob job) {
    em.refresh(job);
  }
}
