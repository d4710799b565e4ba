package de.rundbrief.application;

import de.rundbrief.domain.attribute.AttributeRepository;
import de.rundbrief.domain.attribute.InvalidAttributeValueException;
import de.rundbrief.domain.importing.ImportFinishedException;
import de.rundbrief.domain.importing.ImportJob;
import de.rundbrief.domain.importing.ImportJobNotFoundException;
import de.rundbrief.domain.importing.ImportJobRepository;
import de.rundbrief.domain.importing.ImportOptions;
import de.rundbrief.domain.importing.ImportProblem;
import de.rundbrief.domain.importing.ImportState;
import de.rundbrief.domain.importing.UploadTooLargeException;
import de.rundbrief.domain.mailinglist.MailingListNotFoundException;
import de.rundbrief.domain.mailinglist.MailingListRepository;
import de.rundbrief.domain.staff.Roles;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.importing.ImportJobs;
import de.rundbrief.infrastructure.security.Callers;
import de.rundbrief.infrastructure.tenancy.TenantGuarded;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.executable.ValidateOnExecution;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Stateless
@TenantGuarded
@ValidateOnExecution
public class DefaultImportService implements ImportService {

  @Inject private MailingListRepository lists;
  @Inject private AttributeRepository attributes;
  @Inject private ImportJobRepository jobs;
  @Inject private ImportJobs engine;
  @Inject private Callers callers;
  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = MAX_BYTES_PROPERTY, defaultValue = "" + DEFAULT_MAX_BYTES)
  private long maxBytes;

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public ImportJob upload(
      TenantKey tenant, long listId, ImportOptions options, InputStream file, long declaredBytes) {
    lists.find(listId).orElseThrow(() -> new MailingListNotFoundException(listId));
    for (String field : options.fieldColumns().keySet()) {
      if (attributes.findByKey(field).isEmpty()) {
        throw new InvalidAttributeValueException(
            field, InvalidAttributeValueException.Reason.NO_SUCH_FIELD, field);
      }
    }
    if (declaredBytes > maxBytes) {
      throw new UploadTooLargeException(maxBytes);
    }
    ImportJob job = new ImportJob(listId, options, callers.current().name(), clock.instant());
    jobs.add(job);
    job.uploaded(engine.storeUpload(tenant, job.getId(), file, maxBytes), clock.instant());
    engine.startAfterCommit(tenant, job.getId());
    return job;
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public ImportJob get(TenantKey tenant, long listId, long importId) {
    return jobOf(listId, importId);
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public List<ImportJob> list(TenantKey tenant, long listId, int max) {
    lists.find(listId).orElseThrow(() -> new MailingListNotFoundException(listId));
    return jobs.ofList(listId, max);
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public List<ImportProblem> problems(
      TenantKey tenant, long listId, long importId, long afterLine, int max) {
    jobOf(listId, importId);
    return engine.problems(importId, afterLine, max);
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public ImportJob cancel(TenantKey tenant, long listId, long importId) {
    ImportJob job = jobOf(listId, importId);
    ImportState before = engine.cancel(importId);
    if (before == null || !before.isOpen()) {
      throw new ImportFinishedException(importId, before);
    }
    jobs.refresh(job);
    return job;
  }

  private ImportJob jobOf(long listId, long importId) {
    return jobs.find(importId)
        .filter(job -> job.getMailingListId() == listId)
        .orElseThrow(() -> new ImportJobNotFoundException(importId));
  }
}
