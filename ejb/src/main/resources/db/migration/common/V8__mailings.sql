-- Mailings ("Aussendungen") of a tenant and their recipients: one row per recipient, fixed when
-- sending starts, whose state is all the sending engine relies on.
CREATE SEQUENCE mailing_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE mailing (
    id              BIGINT          NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(32)     NOT NULL REFERENCES tenant (tenant_key),
    name            VARCHAR(200)    NOT NULL,
    subject         VARCHAR(500)    NOT NULL,
    preheader       VARCHAR(500),
    sender_name     VARCHAR(200),
    sender_address  VARCHAR(254)    NOT NULL,
    reply_to        VARCHAR(254),
    language        VARCHAR(8)      NOT NULL,
    html_body       VARCHAR(1000000) NOT NULL,
    text_body       VARCHAR(1000000) NOT NULL,
    text_edited     BOOLEAN         NOT NULL,
    list_ids        VARCHAR(2000)   NOT NULL,
    segment_ids     VARCHAR(2000)   NOT NULL,
    status          VARCHAR(16)     NOT NULL,
    scheduled_at    TIMESTAMP WITH TIME ZONE,
    started_at      TIMESTAMP WITH TIME ZONE,
    finished_at     TIMESTAMP WITH TIME ZONE,
    recipient_count INTEGER         NOT NULL,
    imprint_html    VARCHAR(100000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT          NOT NULL,
    CONSTRAINT uq_mailing_tenant_id UNIQUE (tenant_id, id)
);
CREATE INDEX ix_mailing_tenant_status ON mailing (tenant_id, status);
CREATE INDEX ix_mailing_status_scheduled ON mailing (status, scheduled_at);

-- The key names the tenant with the mailing, so a recipient can only belong to a mailing of its own
-- tenant; on PostgreSQL the subscriber is bound the same way (V8_1, as V6_1 does for the others).
-- Erasing a subscriber erases its sending records.
CREATE TABLE mailing_recipient (
    tenant_id       VARCHAR(32)   NOT NULL,
    mailing_id      BIGINT        NOT NULL,
    subscriber_id   BIGINT        NOT NULL,
    email           VARCHAR(254)  NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    lease_owner     VARCHAR(100),
    lease_until     TIMESTAMP WITH TIME ZONE,
    reason          VARCHAR(1000),
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_mailing_recipient PRIMARY KEY (tenant_id, mailing_id, subscriber_id),
    CONSTRAINT fk_mailing_recipient_mailing FOREIGN KEY (tenant_id, mailing_id)
        REFERENCES mailing (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_mailing_recipient_subscriber FOREIGN KEY (subscriber_id)
        REFERENCES subscriber (id) ON DELETE CASCADE
);
CREATE INDEX ix_mailing_recipient_state ON mailing_recipient (tenant_id, mailing_id, state);
CREATE INDEX ix_mailing_recipient_subscriber ON mailing_recipient (tenant_id, subscriber_id);
