package de.rundbrief.application;

import de.rundbrief.domain.cms.CmsItem;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The CMS connection: central administrators register and check sources; editors of every tenant
 * browse them and take items or a whole page into their mailings.
 *
 * @see de.rundbrief.domain.cms.CmsFetchException for why reading a source fails
 */
public interface CmsService {

  /** Every source, for central administrators. */
  List<CmsSourceView> listSources();

  CmsSourceView getSource(long id);

  CmsSourceView createSource(@NotNull @Valid CmsSourceData data);

  CmsSourceView changeSource(long id, @NotNull @Valid CmsSourceData data);

  void deleteSource(long id);

  /** Reads the source now, as editors would, so that central administrators see it works. */
  List<CmsItem> checkSource(long id);

  /** The sources an editor of the tenant can browse. */
  List<CmsSourceView> sources(@NotNull TenantKey tenant);

  /** The newest items of a source, at most {@code max} (1 to 50). */
  List<CmsItem> items(@NotNull TenantKey tenant, long sourceId, int max);

  /**
   * Content blocks for the chosen items of a source, sanitised for a mailing, in the order chosen.
   *
   * @param itemIds ids from {@link #items}; the source is read again, so ids no longer there are
   *     left out
   * @param readMore the link text under each teaser, in the mailing's language
   */
  String contentBlocks(
      @NotNull TenantKey tenant, long sourceId, @NotNull List<String> itemIds, String readMore);

  /** The source's page as a mailing body: CSS inlined, addresses absolute, sanitised. */
  CmsPageBody pageBody(@NotNull TenantKey tenant, long sourceId);

  /** A page's title (a subject to start from) and its body HTML. */
  record CmsPageBody(String title, String html) {}
}
