/** The sign-in page. */
package de.rundbrief.web.login;
