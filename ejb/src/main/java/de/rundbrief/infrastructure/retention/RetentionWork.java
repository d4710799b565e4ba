package de.rundbrief.infrastructure.retention;

import de.rundbrief.domain.setting.EffectiveSettings;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.Settings;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.tenancy.ContainerTenantTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/** One tenant's retention sweep, in one transaction bound to that tenant. */
@ApplicationScoped
public class RetentionWork {

  /** What one sweep deleted in one tenant. */
  public record Deleted(int unconfirmedSubscriptions, int sendingRecords, int importReports) {

    boolean any() {
      return unconfirmedSubscriptions > 0 || sendingRecords > 0 || importReports > 0;
    }
  }

  @Inject private ContainerTenantTransactions transactions;
  @Inject private Settings settings;

  public Deleted sweep(TenantKey tenant, Instant now) {
    EffectiveSettings effective = settings.of(tenant);
    return transactions.inTenant(
        tenant,
        c ->
            new Deleted(
                RetentionSql.unconfirmedSubscriptions(
                    c,
                    tenant,
                    before(now, effective.number(SettingKey.RETENTION_UNCONFIRMED_DAYS))),
                RetentionSql.sendingRecords(
                    c,
                    tenant,
                    before(now, effective.number(SettingKey.RETENTION_SENDING_LOG_DAYS))),
                RetentionSql.importReports(
                    c,
                    tenant,
                    before(now, effective.number(SettingKey.RETENTION_IMPORT_REPORTS_DAYS)))));
  }

  /** Zero days keeps nothing older than now. */
  private static Instant before(Instant now, int days) {
    return now.minus(Duration.ofDays(Math.max(0, days)));
  }
}
