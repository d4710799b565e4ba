/**
 * Tracking: opens and clicks of mailings, recognised machine traffic, shortened addresses; the
 * tokens in tracked links carry no guessable ids.
 */
package de.rundbrief.domain.tracking;
