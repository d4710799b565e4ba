package de.rundbrief.application;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.audit.AuditEntry;
import de.rundbrief.domain.audit.AuditFilter;
import jakarta.ejb.Local;
import jakarta.validation.constraints.NotNull;

/** The audit log, for central administrators. */
@Local
public interface AuditService {

  Page<AuditEntry> search(@NotNull AuditFilter filter, @NotNull PageRequest page);
}
