/**
 * The import engine. An upload is stored in parts in the database; a worker reads it through the
 * streaming {@link de.rundbrief.infrastructure.csv.CsvReader}, checks every row, stages the good
 * ones and records the others as problems, one transaction per chunk; then it applies every staged
 * row in one final transaction of set-based SQL. A failure or a cancel before that transaction
 * commits leaves no subscriber, subscription or consent record behind. Confirmation mails are not
 * sent from here: pending subscriptions wait for the sending engine.
 */
package de.rundbrief.infrastructure.importing;
