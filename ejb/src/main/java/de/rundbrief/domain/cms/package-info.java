/**
 * The CMS connection: sources that central administrators register once for every tenant (an RSS or
 * Atom feed, the WordPress REST API, a plain web page), the items editors take from them into
 * mailings, and the failures a careful fetcher reports.
 */
package de.rundbrief.domain.cms;
