-- Wall 2 for staged field values (see V1_1); unlogged like the staged rows (V4_1).
ALTER TABLE import_value ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_value FORCE ROW LEVEL SECURITY;
CREATE POLICY import_value_tenant_isolation ON import_value
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));
ALTER TABLE import_value SET UNLOGGED;
