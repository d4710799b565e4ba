/** Demo data for the default embedded run; never loaded into a production database. */
package de.rundbrief.infrastructure.demo;
