package de.rundbrief.web.mailings;

import de.rundbrief.application.CmsService;
import de.rundbrief.application.CmsSourceView;
import de.rundbrief.domain.NotFoundException;
import de.rundbrief.domain.cms.CmsFetchException;
import de.rundbrief.domain.cms.CmsItem;
import de.rundbrief.domain.cms.CmsSourceKind;
import de.rundbrief.domain.cms.InvalidCmsSourceException;
import de.rundbrief.domain.tenant.TenantAccessDeniedException;
import de.rundbrief.web.cms.CmsFailures;
import de.rundbrief.web.shell.Messages;
import de.rundbrief.web.shell.WorkingTenant;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The content browser inside the mailing editor ({@code /mailings/edit.xhtml}): an editor picks a
 * CMS source, sees its newest items and inserts the chosen ones as content blocks at the end of the
 * body, or takes a whole web page as the body. The body is changed in the editor only; saving the
 * mailing stores it, sanitised again.
 */
@Named("mailingCms")
@ViewScoped
public class MailingCmsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How many items the browser shows of a source. */
  static final int SHOWN_ITEMS = 20;

  @Inject private CmsService cms;
  @Inject private WorkingTenant workingTenant;
  @Inject private EditMailingBacking mailing;

  private List<CmsSourceView> sources;
  private Long sourceId;
  private List<CmsItem> items = List.of();
  private final Map<String, Boolean> chosen = new HashMap<>();

  /** The sources an editor may browse; read once per view. */
  public List<CmsSourceView> getSources() {
    if (sources == null) {
      sources =
          workingTenant
              .current()
              .map(
                  tenant -> {
                    try {
                      return cms.sources(tenant);
                    } catch (TenantAccessDeniedException
                        | EJBAccessException
                        | AccessLocalException e) {
                      return List.<CmsSourceView>of();
                    }
                  })
              .orElse(List.of());
    }
    return sources;
  }

  /** Reads the chosen source's newest items. */
  public void browse() {
    items = List.of();
    chosen.clear();
    if (sourceId == null) {
      return;
    }
    try {
      items = cms.items(workingTenant.current().orElseThrow(), sourceId, SHOWN_ITEMS);
      if (items.isEmpty()) {
        Messages.info("cms.noItems");
      }
    } catch (CmsFetchException e) {
      CmsFailures.show(e);
    } catch (NotFoundException e) {
      Messages.error("cms.gone");
    }
  }

  /** Appends the chosen items as content blocks to the body in the editor. */
  public void insert() {
    List<String> ids = items.stream().map(CmsItem::id).filter(this::isChosen).toList();
    if (ids.isEmpty()) {
      Messages.error("cms.chooseItems");
      return;
    }
    try {
      String blocks =
          cms.contentBlocks(workingTenant.current().orElseThrow(), sourceId, ids, readMore());
      String body = mailing.getHtmlBody() == null ? "" : mailing.getHtmlBody();
      mailing.setHtmlBody(body + blocks);
      chosen.clear();
      Messages.info("cms.inserted", ids.size());
    } catch (CmsFetchException e) {
      CmsFailures.show(e);
    } catch (NotFoundException e) {
      Messages.error("cms.gone");
    }
  }

  /** Replaces the body with the source's page; its title becomes the subject if there is none. */
  public void usePage() {
    try {
      CmsService.CmsPageBody page = cms.pageBody(workingTenant.current().orElseThrow(), sourceId);
      mailing.setHtmlBody(page.html());
      mailing.setRawHtml(true);
      if ((mailing.getSubject() == null || mailing.getSubject().isBlank())
          && !page.title().isBlank()) {
        mailing.setSubject(page.title());
      }
      Messages.info("cms.pageUsed", page.title());
    } catch (CmsFetchException e) {
      CmsFailures.show(e);
    } catch (InvalidCmsSourceException e) {
      Messages.error("cms.invalid", e.getMessage());
    } catch (NotFoundException e) {
      Messages.error("cms.gone");
    }
  }

  private boolean isChosen(String id) {
    return Boolean.TRUE.equals(chosen.get(id));
  }

  private String readMore() {
    Locale language = Locale.forLanguageTag(mailing.getLanguage());
    return ResourceBundle.getBundle(Messages.BUNDLE, language).getString("cms.readMore");
  }

  /** Whether the chosen source is a web page, which can become the whole body. */
  public boolean isPageSource() {
    return getSources().stream()
        .anyMatch(
            s -> sourceId != null && s.id() == sourceId && s.kind() == CmsSourceKind.WEB_PAGE);
  }

  public Long getSourceId() {
    return sourceId;
  }

  public void setSourceId(Long sourceId) {
    this.sourceId = sourceId;
  }

  public List<CmsItem> getItems() {
    return items;
  }

  public Map<String, Boolean> getChosen() {
    return chosen;
  }
}
