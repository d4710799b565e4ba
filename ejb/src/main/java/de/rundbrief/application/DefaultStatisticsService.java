package de.rundbrief.application;

import de.rundbrief.domain.mailinglist.MailingListNotFoundException;
import de.rundbrief.domain.mailinglist.MailingListRepository;
import de.rundbrief.domain.staff.Roles;
import de.rundbrief.domain.statistics.GrowthDay;
import de.rundbrief.domain.statistics.GrowthStatistics;
import de.rundbrief.domain.statistics.InvalidPeriodException;
import de.rundbrief.domain.statistics.TenantFigures;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.tenancy.AcrossTenants;
import de.rundbrief.infrastructure.tenancy.TenantGuarded;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reads only; the tenant guard binds the tenant, or every tenant the caller may see. */
@Stateless
@TenantGuarded
@ValidateOnExecution
public class DefaultStatisticsService implements StatisticsService {

  @Inject private GrowthStatistics statistics;
  @Inject private MailingListRepository lists;

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public List<GrowthDay> growth(TenantKey tenant, Long listId, Instant from, Instant to) {
    checkPeriod(from, to);
    if (listId != null && lists.find(listId).isEmpty()) {
      throw new MailingListNotFoundException(listId);
    }
    return statistics.growth(listId, from, to);
  }

  @Override
  @AcrossTenants
  @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.CENTRAL_MARKETING})
  public List<GrowthDay> growthAcrossTenants(Instant from, Instant to) {
    checkPeriod(from, to);
    return statistics.growthAcrossTenants(from, to);
  }

  @Override
  @AcrossTenants
  @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.CENTRAL_MARKETING})
  public List<TenantFigures> compareTenants(Instant from, Instant to) {
    checkPeriod(from, to);
    return statistics.compareTenants(from, to);
  }

  private static void checkPeriod(Instant from, Instant to) {
    if (!from.isBefore(to) || Duration.between(from, to).toDays() > MAX_DAYS) {
      throw new InvalidPeriodException(
          "A period starts before it ends and is at most " + MAX_DAYS + " days long");
    }
  }
}
