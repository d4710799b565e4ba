-- API keys ("API-Schlüssel"): credentials for integrations (the CMS), each scoped to one tenant.
-- Only a hash of the secret is kept; the key is shown once when it is issued.
CREATE SEQUENCE api_key_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE api_key (
    id           BIGINT       NOT NULL PRIMARY KEY,
    tenant_id    VARCHAR(32)  NOT NULL REFERENCES tenant (tenant_key),
    name         VARCHAR(200) NOT NULL,
    secret_hash  VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    version      BIGINT       NOT NULL,
    CONSTRAINT uq_api_key_tenant_id UNIQUE (tenant_id, id)
);
