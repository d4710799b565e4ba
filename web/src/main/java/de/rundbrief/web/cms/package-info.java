/** The CMS connection's screens: the sources central administrators manage. */
package de.rundbrief.web.cms;
