package de.rundbrief.application;

import de.rundbrief.domain.audit.AuditEntry;
import de.rundbrief.domain.audit.AuditLog;
import de.rundbrief.domain.cms.CmsItem;
import de.rundbrief.domain.cms.CmsReader;
import de.rundbrief.domain.cms.CmsSource;
import de.rundbrief.domain.cms.CmsSourceKind;
import de.rundbrief.domain.cms.CmsSourceNotFoundException;
import de.rundbrief.domain.cms.CmsSourceRepository;
import de.rundbrief.domain.cms.ContentBlocks;
import de.rundbrief.domain.cms.DuplicateCmsSourceException;
import de.rundbrief.domain.cms.InvalidCmsSourceException;
import de.rundbrief.domain.mailing.MailHtml;
import de.rundbrief.domain.staff.Roles;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.cms.CredentialVault;
import de.rundbrief.infrastructure.security.Callers;
import de.rundbrief.infrastructure.tenancy.TenantGuarded;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.executable.ValidateOnExecution;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CMS sources are central and changed by central administrators only, each change audited.
 * Everything read from a source passes the mail sanitiser before it reaches a mailing. Reading
 * waits on the network up to the fetcher's time-out: a central administrator's check runs outside
 * any transaction; an editor's reads run in the guard's tenant-bound transaction, which needs no
 * database work while it waits.
 */
@Stateless
@TenantGuarded
@ValidateOnExecution
public class DefaultCmsService implements CmsService {

  /** Editors browse at most this many items of a source at once. */
  public static final int MAX_ITEMS = 50;

  @Inject private CmsSourceRepository sources;
  @Inject private CmsReader reader;
  @Inject private CredentialVault vault;
  @Inject private MailHtml mailHtml;
  @Inject private AuditLog auditLog;
  @Inject private Callers callers;
  @Inject private Clock clock;

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public List<CmsSourceView> listSources() {
    return sources.all().stream().map(CmsSourceView::of).toList();
  }

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public CmsSourceView getSource(long id) {
    return CmsSourceView.of(sourceOf(id));
  }

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public CmsSourceView createSource(CmsSourceData data) {
    refuseDuplicate(data.name(), null);
    CmsSource source =
        new CmsSource(data.name(), data.kind(), CmsSource.parseUrl(data.url()), caller(), now());
    applyCredentials(source, data);
    sources.add(source);
    audit("cmsSource.create", source);
    return CmsSourceView.of(source);
  }

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public CmsSourceView changeSource(long id, CmsSourceData data) {
    CmsSource source = sourceOf(id);
    refuseDuplicate(data.name(), source.getId());
    source.change(data.name(), data.kind(), CmsSource.parseUrl(data.url()), caller(), now());
    applyCredentials(source, data);
    audit("cmsSource.change", source);
    return CmsSourceView.of(source);
  }

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  public void deleteSource(long id) {
    CmsSource source = sourceOf(id);
    sources.remove(source);
    audit("cmsSource.delete", source);
  }

  @Override
  @RolesAllowed(Roles.CENTRAL_ADMIN)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<CmsItem> checkSource(long id) {
    return reader.latest(sourceOf(id), 10);
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public List<CmsSourceView> sources(TenantKey tenant) {
    return sources.all().stream().map(CmsSourceView::of).toList();
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public List<CmsItem> items(TenantKey tenant, long sourceId, int max) {
    if (max < 1 || max > MAX_ITEMS) {
      throw new InvalidCmsSourceException("Between 1 and " + MAX_ITEMS + " items at once");
    }
    return reader.latest(sourceOf(sourceId), max);
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public String contentBlocks(
      TenantKey tenant, long sourceId, List<String> itemIds, String readMore) {
    Map<String, CmsItem> byId =
        reader.latest(sourceOf(sourceId), MAX_ITEMS).stream()
            .collect(Collectors.toMap(CmsItem::id, Function.identity(), (a, b) -> a));
    List<CmsItem> chosen = itemIds.stream().map(byId::get).filter(Objects::nonNull).toList();
    String label = readMore == null || readMore.isBlank() ? "…" : readMore.strip();
    return mailHtml.sanitise(ContentBlocks.html(chosen, label));
  }

  @Override
  @RolesAllowed({
    Roles.CENTRAL_ADMIN,
    Roles.CENTRAL_MARKETING,
    Roles.TENANT_ADMIN,
    Roles.TENANT_EDITOR
  })
  public CmsPageBody pageBody(TenantKey tenant, long sourceId) {
    CmsSource source = sourceOf(sourceId);
    if (source.getKind() != CmsSourceKind.WEB_PAGE) {
      throw new InvalidCmsSourceException("Only a web page source becomes a whole mailing body");
    }
    CmsReader.CmsPage page = reader.page(source);
    return new CmsPageBody(page.title(), mailHtml.sanitise(ContentBlocks.inert(page.html())));
  }

  private void applyCredentials(CmsSource source, CmsSourceData data) {
    if (data.removeCredentials()) {
      source.removeCredentials(caller(), now());
    } else if (data.hasPassword()) {
      source.useSealedSecret(data.username(), vault.seal(data.password()), caller(), now());
    } else if (data.hasAlias()) {
      source.useSecretAlias(data.username(), data.secretAlias(), caller(), now());
    } else if (data.username() != null && !data.username().isBlank() && !source.hasCredentials()) {
      throw new InvalidCmsSourceException("A user name needs a password or a secret alias");
    }
  }

  private void refuseDuplicate(String name, Long self) {
    sources
        .findByName(name)
        .filter(other -> !other.getId().equals(self))
        .ifPresent(
            other -> {
              throw new DuplicateCmsSourceException(name.strip());
            });
  }

  private CmsSource sourceOf(long id) {
    return sources.find(id).orElseThrow(() -> new CmsSourceNotFoundException(id));
  }

  private void audit(String action, CmsSource source) {
    auditLog.record(
        new AuditEntry(
            now(),
            caller(),
            null,
            action,
            source.getName()
                + " ("
                + source.getKind()
                + ", "
                + source.getUrl()
                + ", credentials: "
                + CmsSourceView.of(source).credentials()
                + ")"));
  }

  private String caller() {
    return callers.current().name();
  }

  private Instant now() {
    return clock.instant();
  }
}
