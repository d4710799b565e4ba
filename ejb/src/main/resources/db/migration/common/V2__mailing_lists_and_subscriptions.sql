-- Lists ("Verteiler") and subscriptions: a subscriber's membership of one list.
CREATE SEQUENCE mailing_list_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE mailing_list (
    id           BIGINT        NOT NULL PRIMARY KEY,
    tenant_id    VARCHAR(32)   NOT NULL REFERENCES tenant (tenant_key),
    name         VARCHAR(200)  NOT NULL,
    description  VARCHAR(2000),
    visibility   VARCHAR(16)   NOT NULL,
    opt_in_mode  VARCHAR(16)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT        NOT NULL,
    CONSTRAINT uq_mailing_list_tenant_name UNIQUE (tenant_id, name)
);

CREATE SEQUENCE subscription_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE subscription (
    id                BIGINT      NOT NULL PRIMARY KEY,
    tenant_id         VARCHAR(32) NOT NULL REFERENCES tenant (tenant_key),
    subscriber_id     BIGINT      NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    mailing_list_id   BIGINT      NOT NULL REFERENCES mailing_list (id) ON DELETE CASCADE,
    status            VARCHAR(16) NOT NULL,
    status_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT      NOT NULL,
    CONSTRAINT uq_subscription_tenant_subscriber_list UNIQUE (tenant_id, subscriber_id, mailing_list_id)
);
CREATE INDEX ix_subscription_tenant_list_status ON subscription (tenant_id, mailing_list_id, status);
