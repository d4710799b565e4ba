-- Tenants are shared reference data: every tenant-owned row points at one.
CREATE TABLE tenant (
    tenant_key  VARCHAR(32)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT       NOT NULL
);

-- Tenant-owned: TENANT_ID is NOT NULL, every index leads with it, uniqueness is per tenant.
CREATE SEQUENCE subscriber_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE subscriber (
    id          BIGINT       NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(32)  NOT NULL REFERENCES tenant (tenant_key),
    email       VARCHAR(254) NOT NULL,
    first_name  VARCHAR(100),
    last_name   VARCHAR(100),
    status      VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT uq_subscriber_tenant_email UNIQUE (tenant_id, email)
);
CREATE INDEX ix_subscriber_tenant_created ON subscriber (tenant_id, created_at);
CREATE INDEX ix_subscriber_tenant_last_name ON subscriber (tenant_id, last_name);
CREATE INDEX ix_subscriber_tenant_status ON subscriber (tenant_id, status);

-- The audit log is central: central administrators read it across tenants.
CREATE SEQUENCE audit_entry_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE audit_entry (
    id          BIGINT        NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    tenant_key  VARCHAR(32),
    action      VARCHAR(64)   NOT NULL,
    detail      VARCHAR(2000)
);
CREATE INDEX ix_audit_entry_occurred ON audit_entry (occurred_at);
CREATE INDEX ix_audit_entry_tenant_occurred ON audit_entry (tenant_key, occurred_at);
