package de.rundbrief.application;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.audit.AuditEntry;
import de.rundbrief.domain.audit.AuditFilter;
import de.rundbrief.domain.audit.AuditLog;
import de.rundbrief.domain.staff.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.executable.ValidateOnExecution;

@Stateless
// Hibernate Validator's CDI extension only looks at classes that carry a validation annotation
// themselves (HV-994); the constraints live on the interface.
@ValidateOnExecution
public class DefaultAuditService implements AuditService {

  @Inject private AuditLog auditLog;

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public Page<AuditEntry> search(AuditFilter filter, PageRequest page) {
    return auditLog.search(filter, page);
  }
}
