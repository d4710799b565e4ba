-- Templates ("Vorlagen"): a tenant's own, and shared ones that central administrators publish for
-- every tenant. A mailing starts from a copy; changing a template changes no mailing.
CREATE SEQUENCE template_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE mailing_template (
    id          BIGINT           NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(32)      NOT NULL REFERENCES tenant (tenant_key),
    name        VARCHAR(200)     NOT NULL,
    subject     VARCHAR(500)     NOT NULL,
    preheader   VARCHAR(500),
    html_body   VARCHAR(1000000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT           NOT NULL,
    CONSTRAINT uq_mailing_template_tenant_name UNIQUE (tenant_id, name)
);

-- Central: no tenant; every tenant reads the published ones.
CREATE TABLE shared_template (
    id          BIGINT           NOT NULL PRIMARY KEY,
    name        VARCHAR(200)     NOT NULL,
    subject     VARCHAR(500)     NOT NULL,
    preheader   VARCHAR(500),
    html_body   VARCHAR(1000000) NOT NULL,
    published   BOOLEAN          NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT           NOT NULL,
    CONSTRAINT uq_shared_template_name UNIQUE (name)
);
