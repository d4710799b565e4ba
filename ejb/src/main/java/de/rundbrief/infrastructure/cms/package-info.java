/**
 * Reading the CMS: a careful HTTP fetcher (only http and https, time-outs, size limits, no private
 * or loopback addresses unless allowed, checked when connecting), parsers for RSS 2.0, Atom and the
 * WordPress REST API, and turning a web page into a mail body with its CSS inlined.
 */
package de.rundbrief.infrastructure.cms;
