-- Wall 2 for lists and subscriptions, as for subscribers (see V1_1).
ALTER TABLE mailing_list ENABLE ROW LEVEL SECURITY;
ALTER TABLE mailing_list FORCE ROW LEVEL SECURITY;
CREATE POLICY mailing_list_tenant_isolation ON mailing_list
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));

ALTER TABLE subscription ENABLE ROW LEVEL SECURITY;
ALTER TABLE subscription FORCE ROW LEVEL SECURITY;
CREATE POLICY subscription_tenant_isolation ON subscription
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));
