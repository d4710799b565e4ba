package de.rundbrief.application;

import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.ejb.Local;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Exports of a tenant's lists, read page by page so that a list of any size streams out. */
@Local
public interface ExportService {

  /** The most members one call returns. */
  int MAX_PAGE = 5_000;

  /**
   * Up to {@code max} members of the list after the address {@code afterEmail} ({@code null} for
   * the first page), by address, with their subscribers.
   *
   * @param status only members with this status, or all if {@code null}
   * @throws de.rundbrief.domain.mailinglist.MailingListNotFoundException if the tenant has no such
   *     list
   */
  List<Subscription> members(
      @NotNull TenantKey tenant,
      long listId,
      SubscriptionStatus status,
      String afterEmail,
      @Min(1) @Max(MAX_PAGE) int max);
}
