package de.rundbrief.infrastructure.persistence;

import de.rundbrief.domain.setting.GlobalSetting;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.SettingRepository;
import de.rundbrief.domain.setting.TenantSetting;
import de.rundbrief.infrastructure.settings.SettingsRevision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaSettingRepository implements SettingRepository {

  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  protected JpaSettingRepository() {}

  /** Over a given entity manager, for tests outside the container. */
  public JpaSettingRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public List<GlobalSetting> globalSettings() {
    return em.createQuery("SELECT s FROM GlobalSetting s", GlobalSetting.class).getResultList();
  }

  @Override
  public Optional<GlobalSetting> findGlobal(SettingKey key) {
    return Optional.ofNullable(em.find(GlobalSetting.class, key));
  }

  @Override
  public void saveGlobal(GlobalSetting setting) {
    boolean stored = em.contains(setting);
    if (setting.isEmpty()) {
      if (stored) {
        em.remove(setting);
      }
    } else if (!stored) {
      em.persist(setting);
    }
    changed();
  }

  @Override
  public List<TenantSetting> tenantSettings() {
    return em.createQuery("SELECT s FROM TenantSetting s", TenantSetting.class).getResultList();
  }

  @Override
  public Optional<TenantSetting> findTenant(SettingKey key) {
    return em.createQuery("SELECT s FROM TenantSetting s WHERE s.key = :key", TenantSetting.class)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void saveTenant(TenantSetting setting) {
    if (!em.contains(setting)) {
      em.persist(setting);
    }
    changed();
  }

  @Override
  public void removeTenant(TenantSetting setting) {
    em.remove(setting);
    changed();
  }

  @Override
  public long revision() {
    return em.createQuery("SELECT r.revision FROM SettingsRevision r WHERE r.id = :row", Long.class)
        .setParameter("row", SettingsRevision.ROW)
        .getSingleResult();
  }

  /** Counts the revision up in the changing transaction, after the change itself. */
  private void changed() {
    em.flush();
    em.createQuery("UPDATE SettingsRevision r SET r.revision = r.revision + 1 WHERE r.id = :row")
        .setParameter("row", SettingsRevision.ROW)
        .executeUpdate();
  }
}
