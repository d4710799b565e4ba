package de.rundbrief.infrastructure.sending;

import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.cluster.ClusterDuty;
import de.rundbrief.infrastructure.sending.RecipientQueue.Active;
import de.rundbrief.infrastructure.tenancy.TenantTransactions;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Starts the scheduled mailings whose time has come, on the instance whose duty it is ({@link
 * ClusterDuty#SCHEDULED_MAILINGS}), so that instances do not race to fix the same mailing's
 * recipients. The database would refuse the second start anyway (the recipients' primary key, the
 * mailing's version), but with an error instead of quietly.
 */
final class ScheduledStarts {

  /** Starts one mailing in its own transaction, if it is still scheduled and due. */
  @FunctionalInterface
  interface Start {
    void startIfDue(TenantKey tenant, long mailingId);
  }

  private final TenantTransactions transactions;
  private final BooleanSupplier ourDuty;
  private final Start start;
  private final Clock clock;

  ScheduledStarts(
      TenantTransactions transactions, BooleanSupplier ourDuty, Start start, Clock clock) {
    this.transactions = transactions;
    this.ourDuty = ourDuty;
    this.start = start;
    this.clock = clock;
  }

  /**
   * Starts what is due, if it is this instance's duty, asking again before each mailing.
   *
   * @return how many mailings it tried to start
   */
  int startDue() {
    if (!ourDuty.getAsBoolean()) {
      return 0;
    }
    List<Active> due = transactions.acrossTenants(c -> RecipientQueue.due(c, clock.instant()));
    if (due == null) {
      return 0;
    }
    int tried = 0;
    for (Active mailing : due) {
      if (!ourDuty.getAsBoolean()) {
        break;
      }
      start.startIfDue(mailing.tenant(), mailing.mailingId());
      tried++;
    }
    return tried;
  }
}
