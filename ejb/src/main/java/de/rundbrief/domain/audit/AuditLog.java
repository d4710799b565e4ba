package de.rundbrief.domain.audit;

import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;

/** The audit log: append and read, newest first. */
public interface AuditLog {

  void record(AuditEntry entry);

  Page<AuditEntry> search(AuditFilter filter, PageRequest page);
}
