package de.rundbrief.application;

import de.rundbrief.domain.mailing.MailingTemplate;
import de.rundbrief.domain.mailing.SharedTemplate;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Templates: each tenant's own, and shared ones that central administrators write and publish for
 * all tenants. Every method naming a template throws {@link
 * de.rundbrief.domain.mailing.TemplateNotFoundException} if the caller has no such template; a
 * taken name throws {@link de.rundbrief.domain.mailing.DuplicateTemplateException}.
 */
@Local
public interface TemplateService {

  /** The tenant's templates and the published shared ones, by name. */
  List<TemplateChoice> available(@NotNull TenantKey tenant);

  MailingTemplate get(@NotNull TenantKey tenant, long id);

  MailingTemplate create(@NotNull TenantKey tenant, @NotNull @Valid TemplateData data);

  MailingTemplate update(@NotNull TenantKey tenant, long id, @NotNull @Valid TemplateData data);

  void delete(@NotNull TenantKey tenant, long id);

  /** A new template of the tenant with a mailing's subject, preheader and HTML. */
  MailingTemplate saveMailingAsTemplate(@NotNull TenantKey tenant, long mailingId, String name);

  /** A published shared template, as a tenant sees it. */
  SharedTemplate getShared(@NotNull TenantKey tenant, long id);

  /** Every shared template, published or not: central administrators. */
  List<SharedTemplate> allShared();

  SharedTemplate getSharedForEditing(long id);

  SharedTemplate createShared(@NotNull @Valid TemplateData data);

  SharedTemplate updateShared(long id, @NotNull @Valid TemplateData data);

  void deleteShared(long id);
}
