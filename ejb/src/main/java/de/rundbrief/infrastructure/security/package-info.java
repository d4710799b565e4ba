/** Who is calling: the signed-in member of staff, read from the container's security context. */
package de.rundbrief.infrastructure.security;
