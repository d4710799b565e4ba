/**
 * Infrastructure: how the domain is stored and secured on Jakarta EE. JPA repositories, schema
 * migrations, the tenant guard that binds every call to its tenant, and the resolution of the
 * signed-in caller.
 */
package de.rundbrief.infrastructure;
