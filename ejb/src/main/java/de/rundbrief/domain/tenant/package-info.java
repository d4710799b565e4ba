/**
 * Tenants ("Mandanten"): the subsidiaries and departments that each own a separate data set.
 *
 * <p>{@link de.rundbrief.domain.tenant.TenantOwnedEntity} is the one mapped superclass of every
 * tenant-owned entity: EclipseLink adds the tenant criterion to each of their queries (wall 1), and
 * PostgreSQL's row-level security checks it again (wall 2).
 */
package de.rundbrief.domain.tenant;
