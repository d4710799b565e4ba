/**
 * The settings screens: {@code /settings/global.xhtml} for central administrators (values for all
 * tenants, and which keys tenants may override) and {@code /settings/tenant.xhtml} for a tenant's
 * administrators (the tenant's own values where allowed).
 */
package de.rundbrief.web.settings;
