/** Tracking's public answers: the open pixel and the redirect of tracked links. */
package de.rundbrief.web.tracking;
