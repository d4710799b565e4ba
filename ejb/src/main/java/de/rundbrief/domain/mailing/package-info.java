/**
 * Mailings ("Aussendungen"): one message of a tenant, written once and sent to the subscribed
 * members of its lists, narrowed by its segments. {@link de.rundbrief.domain.mailing.Mailing} keeps
 * its life cycle (draft, scheduled, sending, paused, sent, cancelled) and is read-only once sending
 * starts: what it holds then is what went out. {@link de.rundbrief.domain.mailing.Personalisation}
 * checks and fills its placeholders; a {@link de.rundbrief.domain.mailing.RecipientState} per
 * recipient row is all the sending engine relies on.
 */
package de.rundbrief.domain.mailing;
