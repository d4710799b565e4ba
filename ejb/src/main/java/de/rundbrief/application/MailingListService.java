package de.rundbrief.application;

import de.rundbrief.domain.mailinglist.ListSummary;
import de.rundbrief.domain.mailinglist.MailingList;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** A tenant's lists. */
@Local
public interface MailingListService {

  /** Every list of the tenant by name, with its number of subscribed members. */
  List<ListSummary> list(@NotNull TenantKey tenant);

  /**
   * @throws de.rundbrief.domain.mailinglist.MailingListNotFoundException if the tenant has no such
   *     list
   */
  ListSummary get(@NotNull TenantKey tenant, long id);

  /**
   * @throws de.rundbrief.domain.mailinglist.DuplicateMailingListException if the name is taken
   */
  MailingList create(@NotNull TenantKey tenant, @NotNull @Valid MailingListData data);
}
