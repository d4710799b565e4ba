/**
 * Application services: the transaction and security boundary. Each is a {@code @Stateless} bean
 * behind a local interface, with {@code @RolesAllowed} on every public method and Bean Validation
 * on its parameters. The {@link de.rundbrief.infrastructure.tenancy.TenantGuard} binds each call to
 * the tenant it names.
 */
package de.rundbrief.application;
