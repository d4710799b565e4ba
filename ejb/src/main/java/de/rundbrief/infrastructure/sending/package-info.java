/**
 * The sending engine: workers that claim a mailing's recipients in small batches under a lease,
 * send them over reused SMTP connections of the shared mail session, and record each recipient's
 * state at once. Everything the engine knows lives in the database, so a server killed in the
 * middle resumes by itself, and several instances share the work.
 */
package de.rundbrief.infrastructure.sending;
