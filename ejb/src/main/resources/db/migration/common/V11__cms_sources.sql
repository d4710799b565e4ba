-- CMS sources: central, no tenant. Central administrators register them; editors of every tenant
-- read them. A password is kept sealed with the server's key, or as the name of a server secret.
CREATE SEQUENCE cms_source_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE cms_source (
    id             BIGINT        NOT NULL PRIMARY KEY,
    name           VARCHAR(200)  NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    url            VARCHAR(2000) NOT NULL,
    username       VARCHAR(200),
    sealed_secret  VARCHAR(2000),
    secret_alias   VARCHAR(200),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     VARCHAR(100)  NOT NULL,
    version        BIGINT        NOT NULL,
    CONSTRAINT uq_cms_source_name UNIQUE (name),
    CONSTRAINT ck_cms_source_kind CHECK (kind IN ('FEED', 'WORDPRESS', 'WEB_PAGE')),
    CONSTRAINT ck_cms_source_one_secret CHECK (sealed_secret IS NULL OR secret_alias IS NULL)
);
