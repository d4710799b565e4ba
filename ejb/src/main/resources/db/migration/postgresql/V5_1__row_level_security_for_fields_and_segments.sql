-- Wall 2 for fields, their values and segments (see V1_1).
ALTER TABLE attribute_definition ENABLE ROW LEVEL SECURITY;
ALTER TABLE attribute_definition FORCE ROW LEVEL SECURITY;
CREATE POLICY attribute_definition_tenant_isolation ON attribute_definition
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));

ALTER TABLE attribute_value ENABLE ROW LEVEL SECURITY;
ALTER TABLE attribute_value FORCE ROW LEVEL SECURITY;
CREATE POLICY attribute_value_tenant_isolation ON attribute_value
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));

ALTER TABLE segment ENABLE ROW LEVEL SECURITY;
ALTER TABLE segment FORCE ROW LEVEL SECURITY;
CREATE POLICY segment_tenant_isolation ON segment
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));
