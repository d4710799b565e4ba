package de.rundbrief.application;

import de.rundbrief.domain.mailinglist.DuplicateMailingListException;
import de.rundbrief.domain.mailinglist.ListSummary;
import de.rundbrief.domain.mailinglist.MailingList;
import de.rundbrief.domain.mailinglist.MailingListNotFoundException;
import de.rundbrief.domain.mailinglist.MailingListRepository;
import de.rundbrief.domain.staff.Roles;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.tenancy.TenantGuarded;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.util.List;

@Stateless
@TenantGuarded
// Hibernate Validator's CDI extension only looks at classes that carry a validation annotation
// themselves (HV-994); the constraints live on the interface.
@ValidateOnExecution
public class DefaultMailingListService implements MailingListService {

  @Inject private MailingListRepository lists;
  @Inject private Clock clock;

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public List<ListSummary> list(TenantKey tenant) {
    return lists.summaries();
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public ListSummary get(TenantKey tenant, long id) {
    return lists.summary(id).orElseThrow(() -> new MailingListNotFoundException(id));
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public MailingList create(TenantKey tenant, MailingListData data) {
    if (lists.findByName(data.name()).isPresent()) {
      throw new DuplicateMailingListException(data.name().strip());
    }
    MailingList list =
        new MailingList(
            data.name(), data.description(), data.visibility(), data.optInMode(), clock.instant());
    lists.add(list);
    return list;
  }
}
