/**
 * CSV files that staff take out of Rundbrief, the same on screen and through the API: a list's
 * members, a segment's subscribers, an import's problem rows.
 */
package de.rundbrief.web.exports;
