package de.rundbrief.application;

import de.rundbrief.domain.audit.AuditEntry;
import de.rundbrief.domain.audit.AuditLog;
import de.rundbrief.domain.mailing.DuplicateTemplateException;
import de.rundbrief.domain.mailing.MailHtml;
import de.rundbrief.domain.mailing.Mailing;
import de.rundbrief.domain.mailing.MailingNotFoundException;
import de.rundbrief.domain.mailing.MailingRepository;
import de.rundbrief.domain.mailing.MailingTemplate;
import de.rundbrief.domain.mailing.SharedTemplate;
import de.rundbrief.domain.mailing.TemplateContent;
import de.rundbrief.domain.mailing.TemplateNotFoundException;
import de.rundbrief.domain.mailing.Templates;
import de.rundbrief.domain.staff.Roles;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.security.Callers;
import de.rundbrief.infrastructure.tenancy.TenantGuarded;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

@Stateless
@TenantGuarded
@ValidateOnExecution
public class DefaultTemplateService implements TemplateService {

  @Inject private Templates templates;
  @Inject private MailingRepository mailings;
  @Inject private MailHtml mailHtml;
  @Inject private Clock clock;
  @Inject private AuditLog auditLog;
  @Inject private Callers callers;

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public List<TemplateChoice> available(TenantKey tenant) {
    List<TemplateChoice> choices = new ArrayList<>();
    for (MailingTemplate own : templates.ofTenant()) {
      choices.add(
          new TemplateChoice(
              own.getId(),
              false,
              own.getName(),
              own.getContent().getSubject(),
              own.getUpdatedAt()));
    }
    for (SharedTemplate shared : templates.shared(true)) {
      choices.add(
          new TemplateChoice(
              shared.getId(),
              true,
              shared.getName(),
              shared.getContent().getSubject(),
              shared.getUpdatedAt()));
    }
    choices.sort(Comparator.comparing(TemplateChoice::name, String.CASE_INSENSITIVE_ORDER));
    return choices;
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public MailingTemplate get(TenantKey tenant, long id) {
    return ownOf(id);
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public MailingTemplate create(TenantKey tenant, TemplateData data) {
    templates
        .findOfTenantByName(data.name())
        .ifPresent(
            other -> {
              throw new DuplicateTemplateException(data.name().strip());
            });
    MailingTemplate template = new MailingTemplate(data.name(), content(data), clock.instant());
    templates.add(template);
    return template;
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public MailingTemplate update(TenantKey tenant, long id, TemplateData data) {
    MailingTemplate template = ownOf(id);
    templates
        .findOfTenantByName(data.name())
        .filter(other -> !other.getId().equals(template.getId()))
        .ifPresent(
            other -> {
              throw new DuplicateTemplateException(data.name().strip());
            });
    template.change(data.name(), content(data), clock.instant());
    return template;
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public void delete(TenantKey tenant, long id) {
    templates.remove(ownOf(id));
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public MailingTemplate saveMailingAsTemplate(TenantKey tenant, long mailingId, String name) {
    Mailing mailing =
        mailings.find(mailingId).orElseThrow(() -> new MailingNotFoundException(mailingId));
    return create(
        tenant,
        new TemplateData(
            name, mailing.getSubject(), mailing.getPreheader(), mailing.getHtmlBody(), false));
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR,
    Roles.TENANT_VIEWER
  })
  public SharedTemplate getShared(TenantKey tenant, long id) {
    return templates
        .findShared(id)
        .filter(SharedTemplate::isPublished)
        .orElseThrow(() -> new TemplateNotFoundException(id));
  }

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public List<SharedTemplate> allShared() {
    return templates.shared(false);
  }

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public SharedTemplate getSharedForEditing(long id) {
    return sharedOf(id);
  }

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public SharedTemplate createShared(TemplateData data) {
    templates
        .findSharedByName(data.name())
        .ifPresent(
            other -> {
              throw new DuplicateTemplateException(data.name().strip());
            });
    SharedTemplate template =
        new SharedTemplate(data.name(), content(data), data.published(), clock.instant());
    templates.add(template);
    audit("template.createShared", template);
    return template;
  }

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public SharedTemplate updateShared(long id, TemplateData data) {
    SharedTemplate template = sharedOf(id);
    templates
        .findSharedByName(data.name())
        .filter(other -> !other.getId().equals(template.getId()))
        .ifPresent(
            other -> {
              throw new DuplicateTemplateException(data.name().strip());
            });
    template.change(data.name(), content(data), data.published(), clock.instant());
    audit("template.updateShared", template);
    return template;
  }

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public void deleteShared(long id) {
    SharedTemplate template = sharedOf(id);
    templates.remove(template);
    audit("template.deleteShared", template);
  }

  /**
   * Shared templates reach every tenant, so each change by central administration is in the audit
   * log; the tenant guard records calls that name a tenant, and these name none.
   */
  private void audit(String action, SharedTemplate template) {
    auditLog.record(
        new AuditEntry(
            clock.instant(),
            callers.current().name(),
            null,
            action,
            template.getName()
                + " ("
                + template.getId()
                + (template.isPublished() ? ", published" : ", not published")
                + ")"));
  }

  private MailingTemplate ownOf(long id) {
    return templates.findOfTenant(id).orElseThrow(() -> new TemplateNotFoundException(id));
  }

  private SharedTemplate sharedOf(long id) {
    return templates.findShared(id).orElseThrow(() -> new TemplateNotFoundException(id));
  }

  /** Sanitised like a mailing; placeholders are checked when a mailing starts from it. */
  private TemplateContent content(TemplateData data) {
    return new TemplateContent(
        data.subject(), data.preheader(), mailHtml.sanitise(data.htmlBody()));
  }
}
