package de.rundbrief.domain.cms;

/** How Rundbrief reads a CMS source. */
public enum CmsSourceKind {
  /** An RSS 2.0 or Atom feed: every CMS has one. */
  FEED,
  /**
   * The WordPress REST API ({@code /wp-json/wp/v2/posts}) of a site; its address is the site's, and
   * credentials are a WordPress application password.
   */
  WORDPRESS,
  /** One web page: browsed as one item, and taken whole into a mailing with its CSS inlined. */
  WEB_PAGE
}
