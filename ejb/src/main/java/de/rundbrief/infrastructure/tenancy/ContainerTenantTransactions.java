package de.rundbrief.infrastructure.tenancy;

import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tenant.TenantRepository;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;

/**
 * The container's {@link TenantTransactions}: each piece of work in a new transaction. Background
 * work has no signed-in caller for the tenant guard to check; the tenant it binds comes from a job
 * or mailing that a guarded call created, or from the tenant list, so it binds it itself, and only
 * here.
 */
@Stateless
@LocalBean
public class ContainerTenantTransactions implements TenantTransactions {

  @Inject private TenantContext context;
  @Inject private TenantRepository tenants;

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public <T> T inTenant(TenantKey tenant, TenantWork<T> work) {
    context.enter(tenant);
    return run(work);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public <T> T acrossTenants(TenantWork<T> work) {
    List<TenantKey> all = tenants.allKeys();
    if (all.isEmpty()) {
      return null;
    }
    context.enterAcross(all);
    return run(work);
  }

  private <T> T run(TenantWork<T> work) {
    try {
      return work.run(context.connection());
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
