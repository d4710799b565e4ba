-- Wall 2 for mailings and their recipients (see V1_1).
ALTER TABLE mailing ENABLE ROW LEVEL SECURITY;
ALTER TABLE mailing FORCE ROW LEVEL SECURITY;
CREATE POLICY mailing_tenant_isolation ON mailing
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));

ALTER TABLE mailing_recipient ENABLE ROW LEVEL SECURITY;
ALTER TABLE mailing_recipient FORCE ROW LEVEL SECURITY;
CREATE POLICY mailing_recipient_tenant_isolation ON mailing_recipient
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));

-- The queue: the recipients a worker may claim, in key order, without touching sent ones.
CREATE INDEX ix_mailing_recipient_queued ON mailing_recipient (tenant_id, mailing_id, subscriber_id)
    WHERE state = 'QUEUED';

-- The sweep for recipients whose worker died: few rows are ever being sent, so this stays small.
CREATE INDEX ix_mailing_recipient_leased ON mailing_recipient (lease_until) WHERE state = 'SENDING';

-- A recipient names its subscriber with the tenant (see V6_1).
ALTER TABLE mailing_recipient
    DROP CONSTRAINT fk_mailing_recipient_subscriber,
    ADD CONSTRAINT fk_mailing_recipient_subscriber FOREIGN KEY (tenant_id, subscriber_id)
        REFERENCES subscriber (tenant_id, id) ON DELETE CASCADE;
