/**
 * Segments ("Zielgruppen"): saved filters over subscriber data, fields, list membership and dates.
 * A filter is data (field, operator, value), never SQL text; the persistence layer turns it into a
 * parameterised query.
 */
package de.rundbrief.domain.segment;
