/**
 * CSV imports into a list: the import job with its state, options and counts, and the reasons a row
 * is not imported. The job lives in the database, so it survives the request that started it and
 * staff can leave and come back to it.
 */
package de.rundbrief.domain.importing;
