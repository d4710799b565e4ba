/** Consent infrastructure: sealed link tokens, the hashed suppression list, consent links. */
package de.rundbrief.infrastructure.consent;
