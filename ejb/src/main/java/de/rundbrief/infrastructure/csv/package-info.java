/**
 * Streaming CSV for subscriber import and export, with nothing but the JDK. The reader takes what
 * people actually upload (RFC 4180, German Excel's semicolons and windows-1252, a UTF-8 byte order
 * mark) in files of any size, and reports each bad record by its line number instead of giving up
 * on the file. The writer produces what Excel opens correctly and neutralises cells that a
 * spreadsheet would run as formulas.
 */
package de.rundbrief.infrastructure.csv;
