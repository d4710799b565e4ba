/** The audit log view for central administrators. */
package de.rundbrief.web.audit;
