/**
 * The pages the public reaches without signing in: the hosted subscription form, the confirmation
 * and unsubscribe pages and the preference page, with what protects them from abuse.
 */
package de.rundbrief.web.publicpages;
