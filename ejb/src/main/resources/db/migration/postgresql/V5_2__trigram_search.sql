-- The subscriber search box matches a piece of the address or a name anywhere ("%anna%"). A
-- B-tree index cannot serve that; a trigram index can, so the search stays fast in a tenant with
-- a million subscribers. It leads with the tenant like every other index (btree_gin lets a GIN
-- index hold the plain tenant column). Both extensions are trusted since PostgreSQL 13: the
-- database's owner may create them without a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX ix_subscriber_tenant_search ON subscriber USING gin (
    tenant_id,
    email gin_trgm_ops,
    lower(first_name) gin_trgm_ops,
    lower(last_name) gin_trgm_ops
);
