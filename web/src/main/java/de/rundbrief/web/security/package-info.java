/**
 * Sign-in. One authentication mechanism ({@link
 * de.rundbrief.web.security.StaffAuthenticationMechanism}: the sign-in form for the screens, HTTP
 * Basic for the REST API) and one identity source: the server's security realm named {@value
 * de.rundbrief.web.security.StaffIdentity#REALM}, which IT configures (file, LDAP or JDBC) and can
 * switch without rebuilding.
 */
package de.rundbrief.web.security;
