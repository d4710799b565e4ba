/** The lists screen: a tenant's lists with their opt-in mode, consent text and public form. */
package de.rundbrief.web.lists;
