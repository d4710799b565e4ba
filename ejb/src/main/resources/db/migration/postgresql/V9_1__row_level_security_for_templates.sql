-- Wall 2 for the tenants' templates (see V1_1); shared templates have no tenant.
ALTER TABLE mailing_template ENABLE ROW LEVEL SECURITY;
ALTER TABLE mailing_template FORCE ROW LEVEL SECURITY;
CREATE POLICY mailing_template_tenant_isolation ON mailing_template
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));
