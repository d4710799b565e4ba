-- Wall 2: the database itself keeps tenants apart.
--
-- The application sets, per transaction, the tenants the current call may touch:
--   SELECT set_config('rundbrief.tenants', 'nord', true)
-- A central cross-tenant read passes every tenant key explicitly ('nord,sued,...').
-- Without the setting no tenant-owned row is visible or writable. FORCE makes the
-- policies bind the tables' owner too; only superusers and BYPASSRLS roles escape,
-- and the application connects as neither.

CREATE FUNCTION rundbrief_tenants() RETURNS TEXT[]
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT string_to_array(NULLIF(current_setting('rundbrief.tenants', true), ''), ',') $$;

ALTER TABLE subscriber ENABLE ROW LEVEL SECURITY;
ALTER TABLE subscriber FORCE ROW LEVEL SECURITY;
CREATE POLICY subscriber_tenant_isolation ON subscriber
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));
