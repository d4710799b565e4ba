/**
 * The frame around every screen: who is signed in, the tenant being worked in (central staff may
 * choose "all tenants"), the language, and signing out.
 */
package de.rundbrief.web.shell;
