/** HTML for mails: the allow-list sanitiser and the plain-text alternative. */
package de.rundbrief.infrastructure.html;
