-- Only unsubscribes and complaints name a mailing; the consent events of sign-ups, confirmations
-- and imports (nearly all of them) do not, and need no entry in the index that counts a mailing's
-- unsubscribes. A condition on mailing_id = ? implies mailing_id IS NOT NULL, so that count still
-- uses it.
DROP INDEX consent_event_mailing;
CREATE INDEX consent_event_mailing ON consent_event (tenant_id, mailing_id) WHERE mailing_id IS NOT NULL;
