-- Wall 2 for imports (see V1_1).
ALTER TABLE import_job ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_job FORCE ROW LEVEL SECURITY;
CREATE POLICY import_job_tenant_isolation ON import_job
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));

ALTER TABLE import_upload ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_upload FORCE ROW LEVEL SECURITY;
CREATE POLICY import_upload_tenant_isolation ON import_upload
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));

ALTER TABLE import_row ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_row FORCE ROW LEVEL SECURITY;
CREATE POLICY import_row_tenant_isolation ON import_row
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));

ALTER TABLE import_problem ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_problem FORCE ROW LEVEL SECURITY;
CREATE POLICY import_problem_tenant_isolation ON import_problem
    USING (tenant_id = ANY (rundbrief_tenants()))
    WITH CHECK (tenant_id = ANY (rundbrief_tenants()));

-- Staged rows are rebuilt from the upload if need be; a crash fails the job anyway. Unlogged, they
-- cost no write-ahead log.
ALTER TABLE import_row SET UNLOGGED;
