/**
 * Mail through the shared mail session that IT provides in the server (JNDI {@code
 * mail/rundbrief}); every tenant sends through it.
 */
package de.rundbrief.infrastructure.mail;
