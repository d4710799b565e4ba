-- Fields ("Felder") that each tenant defines for its subscribers, their typed values, and
-- segments: saved filters kept as a small JSON document of rules.
CREATE SEQUENCE attribute_definition_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE attribute_definition (
    id             BIGINT        NOT NULL PRIMARY KEY,
    tenant_id      VARCHAR(32)   NOT NULL REFERENCES tenant (tenant_key),
    attribute_key  VARCHAR(32)   NOT NULL,
    label          VARCHAR(100)  NOT NULL,
    attribute_type VARCHAR(16)   NOT NULL,
    choices        VARCHAR(2000),
    required       BOOLEAN       NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT        NOT NULL,
    CONSTRAINT uq_attribute_definition_tenant_key UNIQUE (tenant_id, attribute_key)
);

CREATE SEQUENCE attribute_value_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE attribute_value (
    id            BIGINT         NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(32)    NOT NULL REFERENCES tenant (tenant_key),
    subscriber_id BIGINT         NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    definition_id BIGINT         NOT NULL REFERENCES attribute_definition (id) ON DELETE CASCADE,
    text_value    VARCHAR(500),
    number_value  NUMERIC(19, 4),
    date_value    DATE,
    boolean_value BOOLEAN,
    CONSTRAINT uq_attribute_value_tenant_subscriber_definition
        UNIQUE (tenant_id, subscriber_id, definition_id)
);
-- Filters look up one field's values; each typed column is compared in the index.
CREATE INDEX ix_attribute_value_tenant_definition_text ON attribute_value (tenant_id, definition_id, text_value);
CREATE INDEX ix_attribute_value_tenant_definition_number ON attribute_value (tenant_id, definition_id, number_value);
CREATE INDEX ix_attribute_value_tenant_definition_date ON attribute_value (tenant_id, definition_id, date_value);

CREATE SEQUENCE segment_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE segment (
    id          BIGINT         NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(32)    NOT NULL REFERENCES tenant (tenant_key),
    name        VARCHAR(200)   NOT NULL,
    definition  VARCHAR(20000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT         NOT NULL,
    CONSTRAINT uq_segment_tenant_name UNIQUE (tenant_id, name)
);
