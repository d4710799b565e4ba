package de.rundbrief.testsupport;

import de.rundbrief.domain.tenant.Tenancy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Rundbrief's two persistence units outside the container, over a given datasource, with the tenant
 * bound the way the tenant guard binds it: the EclipseLink property and the database setting, one
 * transaction at a time.
 */
public final class Jpa implements AutoCloseable {

  private final EntityManagerFactory tenantUnit;
  private final EntityManagerFactory centralUnit;

  public Jpa(DataSource dataSource) {
    this.tenantUnit = Persistence.createEntityManagerFactory("rundbrief", settings(dataSource));
    this.centralUnit =
        Persistence.createEntityManagerFactory("rundbrief-central", settings(dataSource));
  }

  /** Runs the work in one transaction of the tenant-bound unit, working in {@code tenant}. */
  public <T> T inTenant(String tenant, Function<EntityManager, T> work) {
    return inTransaction(tenantUnit, tenant, tenant, work);
  }

  /**
   * Runs the work in one transaction of the tenant-bound unit with {@code eclipseLinkTenant} as the
   * EclipseLink tenant and {@code databaseTenants} as row-level security's list, so that a test can
   * take either wall away.
   */
  public <T> T inTransaction(
      String eclipseLinkTenant, String databaseTenants, Function<EntityManager, T> work) {
    return inTransaction(tenantUnit, eclipseLinkTenant, databaseTenants, work);
  }

  /** Runs the work in one transaction of the central unit, reading across these tenants. */
  public <T> T acrossTenants(String tenants, Function<EntityManager, T> work) {
    return inTransaction(centralUnit, null, tenants, work);
  }

  private static <T> T inTransaction(
      EntityManagerFactory unit,
      String eclipseLinkTenant,
      String databaseTenants,
      Function<EntityManager, T> work) {
    EntityManager em = unit.createEntityManager();
    try {
      if (eclipseLinkTenant != null) {
        em.setProperty(Tenancy.TENANT_PROPERTY, eclipseLinkTenant);
      }
      em.getTransaction().begin();
      if (databaseTenants != null) {
        // unwrap() starts the database transaction, so every statement of this EntityManager
        // runs on this connection from here on
        Sql.restrictTo(em.unwrap(Connection.class), databaseTenants);
      }
      T result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  private static Map<String, Object> settings(DataSource dataSource) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    settings.put("jakarta.persistence.jtaDataSource", null);
    settings.put("jakarta.persistence.nonJtaDataSource", dataSource);
    settings.put("eclipselink.target-server", "None");
    settings.put("eclipselink.weaving", "false");
    return settings;
  }

  @Override
  public void close() {
    tenantUnit.close();
    centralUnit.close();
  }
}
