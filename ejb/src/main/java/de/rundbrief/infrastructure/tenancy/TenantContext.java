package de.rundbrief.infrastructure.tenancy;

import de.rundbrief.domain.tenant.Tenancy;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.persistence.config.QueryHints;

/**
 * Binds the current transaction to the tenants it may touch. One transaction works in one scope:
 * entering the same scope again (a nested service call) is a no-op, entering another one fails.
 */
@ApplicationScoped
public class TenantContext {

  private static final String SCOPE_RESOURCE = TenantContext.class.getName() + ".scope";

  @PersistenceContext(unitName = "rundbrief")
  private EntityManager em;

  @PersistenceContext(unitName = "rundbrief-central")
  private EntityManager centralEm;

  @Resource private TransactionSynchronizationRegistry transaction;

  @Inject private DatabaseDialect dialect;

  /** Works in one tenant: tenant-owned entities are read and written in it only. */
  public void enter(TenantKey tenant) {
    if (bind(em, new TreeSet<>(Set.of(tenant)))) {
      em.setProperty(Tenancy.TENANT_PROPERTY, tenant.value());
    }
  }

  /** Reads across these tenants (central staff); writes of tenant-owned entities stay refused. */
  public void enterAcross(Collection<TenantKey> tenants) {
    bind(centralEm, new TreeSet<>(tenants));
  }

  /**
   * The tenant-bound unit's JDBC connection in the current transaction, for set-based SQL that JPA
   * cannot express (imports). The transaction's scope is given to the database on this connection
   * too, so plain SQL is bound exactly like the unit's own. The connection belongs to the unit: do
   * not close it.
   *
   * @throws IllegalStateException if no scope is bound to the transaction
   */
  public Connection connection() {
    @SuppressWarnings("unchecked")
    SortedSet<TenantKey> scope = (SortedSet<TenantKey>) transaction.getResource(SCOPE_RESOURCE);
    if (scope == null) {
      throw new IllegalStateException("Plain SQL needs a transaction bound to a tenant scope");
    }
    Connection connection = em.unwrap(Connection.class);
    if (dialect.hasRowLevelSecurity()) {
      try (PreparedStatement statement =
          connection.prepareStatement(
              "SELECT set_config('" + Tenancy.DATABASE_SETTING + "', ?, true)")) {
        statement.setString(1, keys(scope));
        statement.execute();
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot bind the connection to " + scope, e);
      }
    }
    return connection;
  }

  /**
   * Records the scope for the transaction and gives it to the database on the connection of the
   * unit that will do the work: each unit holds its own connection for the transaction.
   */
  private boolean bind(EntityManager unit, SortedSet<TenantKey> scope) {
    Object current = transaction.getResource(SCOPE_RESOURCE);
    if (current != null) {
      if (!current.equals(scope)) {
        throw new IllegalStateException(
            "A transaction works in one tenant scope: " + current + ", not also " + scope);
      }
      return false;
    }
    transaction.putResource(SCOPE_RESOURCE, scope);
    if (dialect.hasRowLevelSecurity()) {
      String keys = keys(scope);
      // EclipseLink refuses native SQL in a unit with multitenant entities; this one statement,
      // which only narrows what the transaction may see, is let through explicitly.
      unit.createNativeQuery("SELECT set_config('" + Tenancy.DATABASE_SETTING + "', ?1, true)")
          .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
          .setParameter(1, keys)
          .getSingleResult();
    }
    return true;
  }

  private static String keys(SortedSet<TenantKey> scope) {
    return scope.stream().map(TenantKey::value).collect(Collectors.joining(","));
  }
}
