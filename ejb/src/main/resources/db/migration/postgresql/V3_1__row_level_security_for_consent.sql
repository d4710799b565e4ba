-- Wall 2 for consent events and the suppression list (see V1_1).
ALTER TABLE consent_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE consent_event FORCE ROW LEVEL SECURITY;
CREATE POLICY consent_event_tenant_isolation ON consent_event
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));

ALTER TABLE suppressed_address ENABLE ROW LEVEL SECURITY;
ALTER TABLE suppressed_address FORCE ROW LEVEL SECURITY;
CREATE POLICY suppressed_address_tenant_isolation ON suppressed_address
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));

-- Consent proof is not edited: an event is recorded once and only goes when its subscriber is
-- erased.
CREATE FUNCTION rundbrief_consent_event_is_not_updated() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'Consent events are not changed: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER consent_event_not_updated
    BEFORE UPDATE ON consent_event
    FOR EACH ROW EXECUTE FUNCTION rundbrief_consent_event_is_not_updated();

