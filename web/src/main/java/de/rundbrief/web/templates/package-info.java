/**
 * The template screen: a tenant's own templates, and the shared ones central administrators
 * publish.
 */
package de.rundbrief.web.templates;
