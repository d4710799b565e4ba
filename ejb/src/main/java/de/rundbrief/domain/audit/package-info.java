/**
 * The audit log ("Protokoll"): who did what, when, in which tenant. Central users' actions inside a
 * tenant and every change of tenants are recorded here.
 */
package de.rundbrief.domain.audit;
