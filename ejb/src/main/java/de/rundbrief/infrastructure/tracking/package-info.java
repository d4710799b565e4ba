/**
 * Tracking's machinery: sealed tokens in tracked links, and the recorder that writes opens and
 * clicks in batches in the background, so that a redirect never waits for the database.
 */
package de.rundbrief.infrastructure.tracking;
