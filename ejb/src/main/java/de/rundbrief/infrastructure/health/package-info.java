/**
 * Health checks for scripts and load balancers (MicroProfile Health, served by the server at {@code
 * /health/ready} and {@code /health/live}): ready when the database answers with the migrated
 * schema and the shared mail server accepts a connection; live while the heap is not exhausted.
 */
package de.rundbrief.infrastructure.health;
