/**
 * Consent: the events that prove what a subscriber agreed to, the signed tokens behind confirmation
 * and unsubscribe links, and the suppression list of erased addresses.
 */
package de.rundbrief.domain.consent;
