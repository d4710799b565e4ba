package de.rundbrief.application;

import de.rundbrief.domain.statistics.GrowthDay;
import de.rundbrief.domain.statistics.TenantFigures;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/**
 * Statistics over time: a tenant's (or one list's) growth per day, for its staff; the same over all
 * tenants and every tenant's figures side by side, for central staff.
 */
public interface StatisticsService {

  /** The longest period asked for at once, in days. */
  int MAX_DAYS = 731;

  /**
   * @param listId one of the tenant's lists, or {@code null} for all
   * @throws de.rundbrief.domain.statistics.InvalidPeriodException for a period that ends before it
   *     starts or is too long
   */
  List<GrowthDay> growth(
      @NotNull TenantKey tenant, Long listId, @NotNull Instant from, @NotNull Instant to);

  List<GrowthDay> growthAcrossTenants(@NotNull Instant from, @NotNull Instant to);

  List<TenantFigures> compareTenants(@NotNull Instant from, @NotNull Instant to);
}
