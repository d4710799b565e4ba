package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.apikey.ApiKey;
import de.rundbrief.domain.apikey.ApiKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

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
}
