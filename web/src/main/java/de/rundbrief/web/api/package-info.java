/**
 * REST API v1 under {@code /api/v1}: tenants and their subscribers, as JSON. Callers sign in with
 * HTTP Basic. A tenant the caller may not see answers 404 on every path under it, exactly like a
 * tenant that does not exist.
 */
package de.rundbrief.web.api;
