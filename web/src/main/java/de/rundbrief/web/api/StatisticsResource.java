package de.rundbrief.web.api;

import de.rundbrief.application.StatisticsService;
import de.rundbrief.domain.statistics.GrowthDay;
import de.rundbrief.domain.statistics.Period;
import de.rundbrief.domain.statistics.TenantFigures;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Statistics over time: a tenant's growth ({@code v1/tenants/{tenant}/statistics/growth}), and for
 * central staff the growth over all tenants and the tenants side by side ({@code v1/statistics}).
 * Periods are whole days in Europe/Berlin, {@code from} and {@code to} included; without, the last
 * 90 days.
 */
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Path("v1")
public class StatisticsResource {

  static final int DEFAULT_DAYS = 90;

  /** One tenant's figures for the period, with its rates. */
  public record TenantFiguresJson(
      String tenant,
      String name,
      long subscribers,
      long subscriptions,
      long unsubscribes,
      long mailings,
      long recipients,
      long uniqueOpens,
      long uniqueClicks,
      double openRate,
      double clickRate,
      long bounces,
      long complaints) {

    static TenantFiguresJson of(TenantFigures f) {
      return new TenantFiguresJson(
          f.tenant(),
          f.name(),
          f.subscribers(),
          f.subscriptions(),
          f.unsubscribes(),
          f.mailings(),
          f.recipients(),
          f.uniqueOpens(),
          f.uniqueClicks(),
          f.openRate(),
          f.clickRate(),
          f.bounces(),
          f.complaints());
    }
  }

  @Inject private StatisticsService statistics;
  @Inject private TenantPaths tenantPaths;

  @GET
  @Path("tenants/{tenant}/statistics/growth")
  public List<GrowthDay> growth(
      @PathParam("tenant") String tenant,
      @QueryParam("list") Long list,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    Period period = period(from, to);
    return statistics.growth(tenantPaths.visible(tenant), list, period.start(), period.end());
  }

  @GET
  @Path("statistics/growth")
  public List<GrowthDay> growthAcrossTenants(
      @QueryParam("from") String from, @QueryParam("to") String to) {
    Period period = period(from, to);
    return statistics.growthAcrossTenants(period.start(), period.end());
  }

  @GET
  @Path("statistics/tenants")
  public List<TenantFiguresJson> tenants(
      @QueryParam("from") String from, @QueryParam("to") String to) {
    Period period = period(from, to);
    return statistics.compareTenants(period.start(), period.end()).stream()
        .map(TenantFiguresJson::of)
        .toList();
  }

  /** Whole days, both ends included; without, the last {@value #DEFAULT_DAYS} days. */
  private static Period period(String from, String to) {
    if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
      return Period.lastDays(DEFAULT_DAYS);
    }
    LocalDate last = to == null || to.isBlank() ? LocalDate.now(Period.ZONE) : date("to", to);
    LocalDate first =
        from == null || from.isBlank() ? last.minusDays(DEFAULT_DAYS - 1L) : date("from", from);
    return new Period(first, last);
  }

  private static LocalDate date(String name, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestException(name + " is a date such as 2026-11-28, not " + value);
    }
  }
}
