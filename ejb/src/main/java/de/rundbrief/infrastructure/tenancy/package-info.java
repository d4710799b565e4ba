/**
 * Tenancy as one mechanism in one place.
 *
 * <p>{@link de.rundbrief.infrastructure.tenancy.TenantGuard} intercepts every application service
 * call. It finds the tenant argument, checks that the signed-in caller may act there with one of
 * the method's roles, and then {@link de.rundbrief.infrastructure.tenancy.TenantContext} binds the
 * transaction to it twice: the EclipseLink tenant property (wall 1) and PostgreSQL's row-level
 * security setting (wall 2). No service sets a tenant by hand.
 */
package de.rundbrief.infrastructure.tenancy;
