/** The subscriber list with its create, edit and delete dialog. */
package de.rundbrief.web.subscribers;
