package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.apikey.ApiKey;
import de.rundbrief.domain.apikey.ApiKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.config.QueryHints;

@ApplicationScoped
public class JpaApiKeyRepository implements ApiKeyRepository {

  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  @Override
  public List<ApiKey> all() {
    return em.createQuery("SELECT k FROM ApiKey k ORDER BY k.createdAt DESC", ApiKey.class)
        .getResultList();
  }

  @Override
  public Optional<ApiKey> find(long id) {
    return Optional.ofNullable(em.find(ApiKey.class, id));
  }

  @Override
  public void add(ApiKey key) {
    em.persist(key);
    em.flush();
  }

  /**
   * Without the entity's version check: the key is detached first, so the change to it is not
   * flushed, and the column is written by a statement that lets the earlier of two racing notes
   * stand.
   */
  @Override
  public void recordUse(ApiKey key, Instant at) {
    em.detach(key);
    if (key.used(at)) {
      em.createNativeQuery(
              "UPDATE api_key SET last_used_at = ?1 WHERE tenant_id = ?2 AND id = ?3"
                  + " AND (last_used_at IS NULL OR last_used_at < ?1)")
          .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
          .setParameter(1, Timestamp.from(at))
          .setParameter(2, BoundTenant.of(em, "API keys are used").value())
          .setParameter(3, key.getId())
          .executeUpdate();
    }
  }
}
