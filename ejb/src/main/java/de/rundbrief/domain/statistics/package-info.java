/**
 * Statistics over time and across tenants: how lists grow (sign-ups, confirmations, unsubscribes,
 * bounces per day) and how tenants compare. Everything comes from aggregate queries in the
 * database.
 */
package de.rundbrief.domain.statistics;
