/** Tenant management for central administrators. */
package de.rundbrief.web.tenants;
