-- Wall 2 for tracking events (see V1_1).
ALTER TABLE tracking_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE tracking_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tracking_event_tenant_isolation ON tracking_event
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));

-- A deleted or erased subscriber's opens and clicks stay counted, linked to nobody.
CREATE FUNCTION rundbrief_unlink_tracking() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tracking_event SET subscriber_id = NULL, ip = NULL, user_agent = NULL
     WHERE tenant_id = OLD.tenant_id AND subscriber_id = OLD.id;
    RETURN OLD;
END;
$$;
CREATE TRIGGER tr_subscriber_unlink_tracking AFTER DELETE ON subscriber
    FOR EACH ROW EXECUTE FUNCTION rundbrief_unlink_tracking();
