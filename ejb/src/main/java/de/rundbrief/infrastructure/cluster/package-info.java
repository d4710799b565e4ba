/**
 * Several instances sharing one database: scheduled work that must run once per cluster is done by
 * the instance that holds its lease in the table {@code cluster_lease}, renewed while it lives and
 * taken over by another instance when it expires.
 */
package de.rundbrief.infrastructure.cluster;
