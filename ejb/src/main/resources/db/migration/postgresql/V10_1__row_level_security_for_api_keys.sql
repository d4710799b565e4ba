-- Wall 2 for API keys (see V1_1).
ALTER TABLE api_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_key FORCE ROW LEVEL SECURITY;
CREATE POLICY api_key_tenant_isolation ON api_key
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));
