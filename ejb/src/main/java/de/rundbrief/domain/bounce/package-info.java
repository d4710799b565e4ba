/**
 * Bounces and complaints: what the bounce mailbox says about recipients, and what follows for their
 * subscriptions. Every decision keeps the original reason text.
 */
package de.rundbrief.domain.bounce;
