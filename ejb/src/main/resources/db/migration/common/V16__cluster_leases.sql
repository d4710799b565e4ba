-- Work that runs once per cluster (retention, the import sweep, the bounce mailbox, starting
-- scheduled mailings) is done by the instance that holds its lease, until the lease expires by the
-- database's clock. Central, like application_secret: no tenant owns a lease.
CREATE TABLE cluster_lease (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder     VARCHAR(200) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
