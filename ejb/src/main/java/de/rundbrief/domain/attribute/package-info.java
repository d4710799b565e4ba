/**
 * Fields ("Felder"): subscriber data that each tenant defines for itself (text, number, date,
 * yes/no, choice), with their typed values per subscriber.
 */
package de.rundbrief.domain.attribute;
