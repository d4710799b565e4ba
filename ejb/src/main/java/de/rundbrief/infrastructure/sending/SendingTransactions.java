package de.rundbrief.infrastructure.sending;

import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tenant.TenantRepository;
import de.rundbrief.infrastructure.tenancy.TenantContext;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;

/**
 * The container's transactions for {@link SendingRunner}: each piece of work in a new transaction,
 * bound on both walls to the tenant of the mailing it works on, or, for the sweeps over all
 * mailings, to every tenant.
 *
 * <p>The sending engine has no signed-in caller for the tenant guard to check. The tenants it binds
 * come from mailings that guarded calls started, so it binds them itself, and only here.
 */
@Stateless
@LocalBean
public class SendingTransactions implements SendingRunner.Transactions {

  @Inject private TenantContext context;
  @Inject private TenantRepository tenants;

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public <T> T inTenant(TenantKey tenant, SendingRunner.Work<T> work) {
    context.enter(tenant);
    return run(work);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public <T> T acrossTenants(SendingRunner.Work<T> work) {
    List<TenantKey> all = tenants.allKeys();
    if (all.isEmpty()) {
      return null;
    }
    context.enterAcross(all);
    return run(work);
  }

  private <T> T run(SendingRunner.Work<T> work) {
    try {
      return work.run(context.connection());
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
