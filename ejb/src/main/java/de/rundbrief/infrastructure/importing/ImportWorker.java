package de.rundbrief.infrastructure.importing;

import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.tenancy.TenantContext;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/**
 * The container's transactions for {@link ImportRunner}: each piece of work in a new transaction,
 * bound to the job's tenant on both walls.
 *
 * <p>A worker has no signed-in caller for the tenant guard to check. The tenant it binds comes from
 * the job that a guarded upload created, so it binds the tenant itself, and only here.
 */
@Stateless
@LocalBean
public class ImportWorker {

  @Inject private TenantContext context;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public <T> T inTenant(TenantKey tenant, ImportRunner.Work<T> work) {
    context.enter(tenant);
    try {
      return work.run(context.connection());
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
