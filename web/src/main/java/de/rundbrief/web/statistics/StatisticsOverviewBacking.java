package de.rundbrief.web.statistics;

import de.rundbrief.application.MailingListService;
import de.rundbrief.application.StatisticsService;
import de.rundbrief.domain.mailinglist.MailingList;
import de.rundbrief.domain.statistics.GrowthDay;
import de.rundbrief.domain.statistics.Period;
import de.rundbrief.domain.statistics.TenantFigures;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.web.shell.Messages;
import de.rundbrief.web.shell.StaffView;
import de.rundbrief.web.shell.WorkingTenant;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * {@code /statistics/overview.xhtml}: the growth of the tenant worked in (or of one of its lists)
 * per day; for central staff working in all tenants, the growth over all of them and every tenant's
 * figures side by side.
 */
@Named
@ViewScoped
public class StatisticsOverviewBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private StatisticsService statistics;
  @Inject private MailingListService lists;
  @Inject private WorkingTenant workingTenant;
  @Inject private StaffView staff;

  private String tenantParameter;
  private int days = 30;
  private Long listId;
  private List<MailingList> tenantLists = List.of();
  private List<GrowthDay> growth = List.of();
  private List<TenantFigures> tenants = List.of();
  private String chart;

  public void load() throws IOException {
    if (workingTenant.applyViewParameter(tenantParameter)) {
      tenantLists = workingTenant.current().map(lists::all).orElse(List.of());
      refresh();
    }
  }

  /** Counts again for the chosen period and list. */
  public void refresh() {
    Period period = Period.lastDays(days);
    var from = period.start();
    var to = period.end();
    Optional<TenantKey> tenant = workingTenant.current();
    if (tenant.isPresent()) {
      growth = statistics.growth(tenant.get(), listId, from, to);
      tenants = List.of();
    } else if (staff.isCentral()) {
      growth = statistics.growthAcrossTenants(from, to);
      tenants = statistics.compareTenants(from, to);
    }
    chart =
        GrowthChart.of(
            growth,
            period,
            List.of(
                Messages.text("statistics.growth.subscriptions"),
                Messages.text("statistics.growth.confirmations"),
                Messages.text("statistics.growth.unsubscribes"),
                Messages.text("statistics.growth.bounces")));
  }

  /**
   * The period's sum of {@code subscriptions}, {@code confirmations}, {@code unsubscribes} or
   * bounces.
   */
  public long total(String what) {
    return growth.stream()
        .mapToLong(
            day ->
                switch (what) {
                  case "subscriptions" -> day.subscriptions();
                  case "confirmations" -> day.confirmations();
                  case "unsubscribes" -> day.unsubscribes();
                  default -> day.bounces();
                })
        .sum();
  }

  public String getChart() {
    return chart;
  }

  public List<TenantFigures> getTenants() {
    return tenants;
  }

  public List<MailingList> getTenantLists() {
    return tenantLists;
  }

  public int getDays() {
    return days;
  }

  public void setDays(int days) {
    this.days = days == 7 || days == 30 || days == 90 || days == 365 ? days : 30;
  }

  public Long getListId() {
    return listId;
  }

  public void setListId(Long listId) {
    this.listId = listId;
  }

  public String getTenantParameter() {
    return tenantParameter;
  }

  public void setTenantParameter(String tenantParameter) {
    this.tenantParameter = tenantParameter;
  }
}
