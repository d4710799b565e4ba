/**
 * JPA repositories and schema migrations. Two persistence units map the same tables: {@code
 * rundbrief} with EclipseLink's tenant discriminator for everything a tenant owns, and {@code
 * rundbrief-central} (mapped in {@code META-INF/central-orm.xml}, metadata-complete, no shared
 * cache) for the cross-tenant reads of central staff. Repositories never open transactions and
 * never check roles.
 */
package de.rundbrief.infrastructure.persistence;
