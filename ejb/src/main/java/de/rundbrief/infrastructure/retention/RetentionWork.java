package de.rundbrief.infrastructure.retention;

import de.rundbrief.domain.setting.EffectiveSettings;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.Settings;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.tenancy.TenantContext;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * One tenant's retention sweep in one transaction, bound to that tenant. Like the sending engine,
 * it has no signed-in caller: the tenant comes from the tenant list, so it binds it itself, and
 * only here.
 */
@Stateless
@LocalBean
public class RetentionWork {

  /** What one sweep deleted in one tenant. */
  public record Deleted(int unconfirmedSubscriptions, int sendingRecords) {}

  @Inject private TenantContext context;
  @Inject private Settings settings;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Deleted sweep(TenantKey tenant, Instant now) {
    EffectiveSettings effective = settings.of(tenant);
    context.enter(tenant);
    try {
      return new Deleted(
          RetentionSql.unconfirmedSubscriptions(
              context.connection(),
              tenant,
              before(now, effective.number(SettingKey.RETENTION_UNCONFIRMED_DAYS))),
          RetentionSql.sendingRecords(
              context.connection(),
              tenant,
              before(now, effective.number(SettingKey.RETENTION_SENDING_LOG_DAYS))));
    } catch (SQLException e) {
      throw new IllegalStateException("Retention sweep of " + tenant + " failed", e);
    }
  }

  /** Zero days keeps nothing older than now. */
  private static Instant before(Instant now, int days) {
    return now.minus(Duration.ofDays(Math.max(0, days)));
  }
}
