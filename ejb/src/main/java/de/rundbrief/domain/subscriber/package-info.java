/**
 * Subscribers ("Empfänger"): one e-mail address with its data, inside one tenant. The same address
 * may exist in several tenants, as separate subscribers.
 */
package de.rundbrief.domain.subscriber;
