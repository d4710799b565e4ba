package de.rundbrief.application;

import de.rundbrief.domain.mailinglist.MailingListNotFoundException;
import de.rundbrief.domain.mailinglist.MailingListRepository;
import de.rundbrief.domain.mailinglist.MemberExport;
import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import de.rundbrief.domain.staff.Roles;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.tenancy.TenantGuarded;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.executable.ValidateOnExecution;
import java.util.List;

@Stateless
@TenantGuarded
@ValidateOnExecution
public class DefaultExportService implements ExportService {

  @Inject private MailingListRepository lists;
  @Inject private MemberExport export;

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public List<Subscription> members(
      TenantKey tenant, long listId, SubscriptionStatus status, String afterEmail, int max) {
    lists.find(listId).orElseThrow(() -> new MailingListNotFoundException(listId));
    return export.after(listId, status, afterEmail, max);
  }
}
