-- The subscriber search box matches a piece of the address or a name anywhere ("%anna%"). A
-- B-tree index cannot serve that; a trigram index can, so the search stays fast in a tenant with
-- a million subscribers. It is the one index that does not lead with the tenant: a GIN index
-- holding the tenant too must intersect the big tenant's whole posting list on every search (five
-- times slower there), while row-level security and the tenant criterion still filter the few
-- matches. pg_trgm is a trusted extension since PostgreSQL 13: the database's owner may create it.
--
-- Row-level security lets only "leakproof" conditions run before its own, so a search can use
-- this index only where LIKE and lower() are marked leakproof; create-database.sql does that.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX ix_subscriber_search ON subscriber USING gin (
    email gin_trgm_ops,
    lower(first_name) gin_trgm_ops,
    lower(last_name) gin_trgm_ops
);
