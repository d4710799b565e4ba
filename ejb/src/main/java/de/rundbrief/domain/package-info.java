/**
 * The domain layer: Rundbrief's aggregates (tenants, subscribers, the audit log, staff roles),
 * their repository interfaces and their business failures. Nothing here knows about transactions,
 * security checks, Faces or JAX-RS.
 */
package de.rundbrief.domain;
