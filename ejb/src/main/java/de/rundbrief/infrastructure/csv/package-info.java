/**
 * Streaming CSV for subscriber import, with nothing but the JDK. The reader takes what people
 * actually upload (RFC 4180, German Excel's semicolons and windows-1252, a UTF-8 byte order mark)
 * in files of any size, and reports each bad record by its line number instead of giving up on the
 * file.
 */
package de.rundbrief.infrastructure.csv;
