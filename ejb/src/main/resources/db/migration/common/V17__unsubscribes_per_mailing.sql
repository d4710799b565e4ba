-- The mailing whose unsubscribe link (or complaint) ended a subscription, so that a mailing's
-- statistics count its unsubscribes. No foreign key: the consent proof outlives the mailing.
ALTER TABLE consent_event ADD COLUMN mailing_id BIGINT;
CREATE INDEX consent_event_mailing ON consent_event (tenant_id, mailing_id);
