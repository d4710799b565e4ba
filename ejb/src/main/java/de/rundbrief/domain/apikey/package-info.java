/**
 * API keys: credentials for integrations such as the CMS, each acting as an editor of exactly one
 * tenant. The key is {@code rbk_<tenant>_<id>_<secret>}; only a SHA-256 hash of the secret is kept.
 */
package de.rundbrief.domain.apikey;
