-- CSV imports into a list. An import is a job with its own state: the upload is kept in the
-- database (so that any instance can process it), good rows are staged, and everything staged is
-- applied in one final transaction. Problems stay with the job for download.
CREATE SEQUENCE import_job_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE import_job (
    id                BIGINT        NOT NULL PRIMARY KEY,
    tenant_id         VARCHAR(32)   NOT NULL REFERENCES tenant (tenant_key),
    mailing_list_id   BIGINT        NOT NULL REFERENCES mailing_list (id) ON DELETE CASCADE,
    state             VARCHAR(16)   NOT NULL,
    email_column      VARCHAR(200)  NOT NULL,
    first_name_column VARCHAR(200),
    last_name_column  VARCHAR(200),
    existing_mode     VARCHAR(16)   NOT NULL,
    legal_basis       VARCHAR(2000),
    charset           VARCHAR(32)   NOT NULL,
    separator_char    VARCHAR(1),
    upload_bytes      BIGINT        NOT NULL,
    bytes_read        BIGINT        NOT NULL,
    rows_read         BIGINT        NOT NULL,
    imported          BIGINT        NOT NULL,
    updated           BIGINT        NOT NULL,
    skipped           BIGINT        NOT NULL,
    problems          BIGINT        NOT NULL,
    failure           VARCHAR(2000),
    created_by        VARCHAR(100)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE,
    heartbeat_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP WITH TIME ZONE,
    version           BIGINT        NOT NULL
);
CREATE INDEX ix_import_job_tenant_list ON import_job (tenant_id, mailing_list_id, created_at);
CREATE INDEX ix_import_job_tenant_state ON import_job (tenant_id, state);

-- The uploaded file in parts of at most 1 MiB, deleted when the job ends.
CREATE TABLE import_upload (
    tenant_id VARCHAR(32) NOT NULL REFERENCES tenant (tenant_key),
    job_id    BIGINT      NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    part      INTEGER     NOT NULL,
    data      BYTEA       NOT NULL,
    CONSTRAINT pk_import_upload PRIMARY KEY (tenant_id, job_id, part)
);

-- Good rows, staged chunk by chunk and deleted when the job ends. No foreign keys and no index:
-- rows are written in bulk and read once, all of one job. The last three columns are scratch space
-- for applying on databases without data-modifying WITH clauses (H2).
CREATE TABLE import_row (
    tenant_id       VARCHAR(32)  NOT NULL,
    job_id          BIGINT       NOT NULL,
    line            BIGINT       NOT NULL,
    email           VARCHAR(254) NOT NULL,
    first_name      VARCHAR(100),
    last_name       VARCHAR(100),
    subscriber_id   BIGINT,
    subscription_id BIGINT,
    is_new          BOOLEAN
);

-- Rows that were not imported, with line and reason; kept with the job.
CREATE TABLE import_problem (
    tenant_id VARCHAR(32)   NOT NULL REFERENCES tenant (tenant_key),
    job_id    BIGINT        NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    line      BIGINT        NOT NULL,
    reason    VARCHAR(32)   NOT NULL,
    detail    VARCHAR(2000) NOT NULL
);
CREATE INDEX ix_import_problem_tenant_job_line ON import_problem (tenant_id, job_id, line);
