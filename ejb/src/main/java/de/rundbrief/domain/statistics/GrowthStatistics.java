package de.rundbrief.domain.statistics;

import java.time.Instant;
import java.util.List;

/** Aggregates over time and across tenants. */
public interface GrowthStatistics {

  /**
   * The current tenant's growth per day (days in Europe/Berlin) from {@code from} to before {@code
   * to}; days without any change are left out.
   *
   * @param listId one list, or {@code null} for all lists of the tenant
   */
  List<GrowthDay> growth(Long listId, Instant from, Instant to);

  /** The same over every tenant the transaction may see. */
  List<GrowthDay> growthAcrossTenants(Instant from, Instant to);

  /** Every tenant the transaction may see, with its figures for the period, by name. */
  List<TenantFigures> compareTenants(Instant from, Instant to);
}
