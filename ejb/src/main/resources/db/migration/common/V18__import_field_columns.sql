-- Imports fill the tenant's fields: which field from which column, and the staged values, typed
-- as attribute_value holds them. Staged values go with their rows when the job ends.
ALTER TABLE import_job ADD COLUMN field_columns VARCHAR(12000);

CREATE TABLE import_value (
    tenant_id     VARCHAR(32)    NOT NULL,
    job_id        BIGINT         NOT NULL,
    line          BIGINT         NOT NULL,
    definition_id BIGINT         NOT NULL,
    text_value    VARCHAR(500),
    number_value  NUMERIC(19, 4),
    date_value    DATE,
    boolean_value BOOLEAN
);
