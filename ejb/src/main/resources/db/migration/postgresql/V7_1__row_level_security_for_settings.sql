-- Wall 2 for tenants' own settings (see V1_1). Global settings and the revision row are central.
ALTER TABLE tenant_setting ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_setting FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_setting_tenant_isolation ON tenant_setting
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));
