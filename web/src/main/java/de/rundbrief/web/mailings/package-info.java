/** The mailing screens: the tenant's mailings, and the editor that is also the sending cockpit. */
package de.rundbrief.web.mailings;
