package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.tenant.Tenant;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaTenantRepository implements TenantRepository {

  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  protected JpaTenantRepository() {}

  @Override
  public Optional<Tenant> find(TenantKey key) {
    return Optional.ofNullable(em.find(Tenant.class, key.value()));
  }

  @Override
  public List<Tenant> findAll() {
    return em.createQuery("SELECT t FROM Tenant t ORDER BY t.key", Tenant.class).getResultList();
  }

  @Override
  public List<TenantKey> allKeys() {
    return em
        .createQuery("SELECT t.key FROM Tenant t ORDER BY t.key", String.class)
        .getResultList()
        .stream()
        .map(TenantKey::of)
        .toList();
  }

  @Override
  public void add(Tenant tenant) {
    em.persist(tenant);
  }
}
