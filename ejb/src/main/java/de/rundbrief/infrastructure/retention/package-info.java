/**
 * Data retention: what the settings say may be kept no longer (unconfirmed subscriptions, the
 * per-recipient sending records of finished mailings) is deleted on a schedule, tenant by tenant.
 */
package de.rundbrief.infrastructure.retention;
