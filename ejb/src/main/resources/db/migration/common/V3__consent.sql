-- Consent: what a subscriber agreed to, when and from where (the proof a data-protection officer
-- asks for), the double opt-in bookkeeping on subscriptions, the suppression list that keeps
-- erased addresses from being mailed again, and the application's own secrets.

ALTER TABLE mailing_list ADD COLUMN consent_text VARCHAR(4000);
ALTER TABLE mailing_list ADD COLUMN consent_text_version INTEGER DEFAULT 0 NOT NULL;

ALTER TABLE subscription ADD COLUMN subscribed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE subscription ADD COLUMN unsubscribed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE subscription ADD COLUMN confirmation_sent_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_subscription_tenant_subscriber ON subscription (tenant_id, subscriber_id);

CREATE SEQUENCE consent_event_seq START WITH 50 INCREMENT BY 50;

-- One row per consent event. Erasing a subscriber erases its events with it (they hold its IP
-- addresses); otherwise they are never changed.
CREATE TABLE consent_event (
    id                   BIGINT        NOT NULL PRIMARY KEY,
    tenant_id            VARCHAR(32)   NOT NULL REFERENCES tenant (tenant_key),
    subscriber_id        BIGINT        NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    mailing_list_id      BIGINT,
    list_name            VARCHAR(200)  NOT NULL,
    event_type           VARCHAR(24)   NOT NULL,
    source               VARCHAR(24)   NOT NULL,
    occurred_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    ip_address           VARCHAR(45),
    consent_text_version INTEGER,
    consent_text         VARCHAR(4000),
    detail               VARCHAR(2000)
);
CREATE INDEX ix_consent_event_tenant_subscriber ON consent_event (tenant_id, subscriber_id, occurred_at);

-- Addresses that must not be mailed again in a tenant, kept as a keyed hash only.
CREATE TABLE suppressed_address (
    tenant_id     VARCHAR(32) NOT NULL REFERENCES tenant (tenant_key),
    address_hash  VARCHAR(64) NOT NULL,
    reason        VARCHAR(24) NOT NULL,
    suppressed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_suppressed_address PRIMARY KEY (tenant_id, address_hash)
);

-- Keys the application generates once per installation (token encryption, address hashing), so
-- that every instance of a cluster uses the same ones.
CREATE TABLE application_secret (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret     VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
