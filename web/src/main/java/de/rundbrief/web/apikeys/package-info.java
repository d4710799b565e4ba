/** The API keys screen: a tenant administrator issues keys for integrations and revokes them. */
package de.rundbrief.web.apikeys;
