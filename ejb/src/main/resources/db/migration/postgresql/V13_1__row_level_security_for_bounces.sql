-- Wall 2 for bounce events (see V1_1).
ALTER TABLE bounce_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE bounce_event FORCE ROW LEVEL SECURITY;
CREATE POLICY bounce_event_tenant_isolation ON bounce_event
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));

-- A deleted or erased subscriber's bounces stay counted, linked to nobody, like its opens and clicks.
CREATE OR REPLACE FUNCTION rundbrief_unlink_tracking() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tracking_event SET subscriber_id = NULL, ip = NULL, user_agent = NULL
     WHERE tenant_id = OLD.tenant_id AND subscriber_id = OLD.id;
    UPDATE bounce_event SET subscriber_id = NULL, reason = ''
     WHERE tenant_id = OLD.tenant_id AND subscriber_id = OLD.id;
    RETURN OLD;
END;
$$;
