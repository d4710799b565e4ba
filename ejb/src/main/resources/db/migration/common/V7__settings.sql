-- Settings (see de.rundbrief.domain.setting): central administrators' values for all tenants, and
-- a tenant's own values where central administrators allow tenants to override a key.

-- Central: one row per key that central administrators have touched. A row without a value keeps
-- only whether tenants may override the key.
CREATE TABLE global_setting (
    setting_key         VARCHAR(64)    NOT NULL PRIMARY KEY,
    setting_value       VARCHAR(20000),
    tenant_may_override BOOLEAN        NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by          VARCHAR(100)   NOT NULL,
    version             BIGINT         NOT NULL
);

-- Tenant-owned: TENANT_ID is NOT NULL and leads the one index; one value per tenant and key.
CREATE SEQUENCE tenant_setting_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE tenant_setting (
    id            BIGINT         NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(32)    NOT NULL REFERENCES tenant (tenant_key),
    setting_key   VARCHAR(64)    NOT NULL,
    setting_value VARCHAR(20000) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    VARCHAR(100)   NOT NULL,
    version       BIGINT         NOT NULL,
    CONSTRAINT uq_tenant_setting_tenant_key UNIQUE (tenant_id, setting_key)
);

-- One row, counted up in the transaction of every change of either table: each instance's cache
-- compares it with the revision it loaded and reloads when it differs.
CREATE TABLE setting_revision (
    id       SMALLINT NOT NULL PRIMARY KEY,
    revision BIGINT   NOT NULL,
    CONSTRAINT ck_setting_revision_single_row CHECK (id = 1)
);
INSERT INTO setting_revision (id, revision) VALUES (1, 0);
