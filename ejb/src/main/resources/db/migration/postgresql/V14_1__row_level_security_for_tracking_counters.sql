-- Wall 2 for the tracking counters (see V1_1).
ALTER TABLE tracking_count ENABLE ROW LEVEL SECURITY;
ALTER TABLE tracking_count FORCE ROW LEVEL SECURITY;
CREATE POLICY tracking_count_tenant_isolation ON tracking_count
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));

ALTER TABLE tracking_recipient ENABLE ROW LEVEL SECURITY;
ALTER TABLE tracking_recipient FORCE ROW LEVEL SECURITY;
CREATE POLICY tracking_recipient_tenant_isolation ON tracking_recipient
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));
