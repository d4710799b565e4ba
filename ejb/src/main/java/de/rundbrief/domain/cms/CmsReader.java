package de.rundbrief.domain.cms;

import java.util.List;

/**
 * Reads a CMS source over the network, carefully: implementations refuse addresses the enterprise
 * has not allowed, and limit time and size.
 *
 * @see CmsFetchException for every way it fails
 */
public interface CmsReader {

  /** The newest items of the source, at most {@code max}, newest first as the CMS lists them. */
  List<CmsItem> latest(CmsSource source, int max);

  /**
   * The source's page as a mail body: CSS inlined, links and images absolute. The HTML is not yet
   * sanitised.
   */
  CmsPage page(CmsSource source);

  /** A page's title and body HTML. */
  record CmsPage(String title, String html) {}
}
