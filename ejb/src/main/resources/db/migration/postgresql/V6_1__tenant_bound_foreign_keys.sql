-- Foreign keys between tenant-owned tables name the tenant as well as the row. A row can then only
-- point to a row of its own tenant (foreign-key checks do not pass through row-level security, so
-- a plain key would let a subscription of tenant A name a subscriber of tenant B), and a cascading
-- delete finds the dependent rows through the indexes that lead with the tenant instead of
-- scanning whole tables.
ALTER TABLE subscriber ADD CONSTRAINT uq_subscriber_tenant_id UNIQUE (tenant_id, id);
ALTER TABLE mailing_list ADD CONSTRAINT uq_mailing_list_tenant_id UNIQUE (tenant_id, id);
ALTER TABLE attribute_definition ADD CONSTRAINT uq_attribute_definition_tenant_id UNIQUE (tenant_id, id);
ALTER TABLE import_job ADD CONSTRAINT uq_import_job_tenant_id UNIQUE (tenant_id, id);

-- A subscription, consent event or field value names its tenant through its subscriber now; the
-- separate key to the tenant table is one check per row that an import of a million rows pays
-- three million times, so it goes.
ALTER TABLE subscription
    DROP CONSTRAINT subscription_tenant_id_fkey,
    DROP CONSTRAINT subscription_subscriber_id_fkey,
    DROP CONSTRAINT subscription_mailing_list_id_fkey,
    ADD CONSTRAINT fk_subscription_subscriber FOREIGN KEY (tenant_id, subscriber_id)
        REFERENCES subscriber (tenant_id, id) ON DELETE CASCADE,
    ADD CONSTRAINT fk_subscription_mailing_list FOREIGN KEY (tenant_id, mailing_list_id)
        REFERENCES mailing_list (tenant_id, id) ON DELETE CASCADE;

ALTER TABLE consent_event
    DROP CONSTRAINT consent_event_tenant_id_fkey,
    DROP CONSTRAINT consent_event_subscriber_id_fkey,
    ADD CONSTRAINT fk_consent_event_subscriber FOREIGN KEY (tenant_id, subscriber_id)
        REFERENCES subscriber (tenant_id, id) ON DELETE CASCADE;

ALTER TABLE attribute_value
    DROP CONSTRAINT attribute_value_tenant_id_fkey,
    DROP CONSTRAINT attribute_value_subscriber_id_fkey,
    DROP CONSTRAINT attribute_value_definition_id_fkey,
    ADD CONSTRAINT fk_attribute_value_subscriber FOREIGN KEY (tenant_id, subscriber_id)
        REFERENCES subscriber (tenant_id, id) ON DELETE CASCADE,
    ADD CONSTRAINT fk_attribute_value_definition FOREIGN KEY (tenant_id, definition_id)
        REFERENCES attribute_definition (tenant_id, id) ON DELETE CASCADE;

ALTER TABLE import_job
    DROP CONSTRAINT import_job_mailing_list_id_fkey,
    ADD CONSTRAINT fk_import_job_mailing_list FOREIGN KEY (tenant_id, mailing_list_id)
        REFERENCES mailing_list (tenant_id, id) ON DELETE CASCADE;

ALTER TABLE import_upload
    DROP CONSTRAINT import_upload_job_id_fkey,
    ADD CONSTRAINT fk_import_upload_job FOREIGN KEY (tenant_id, job_id)
        REFERENCES import_job (tenant_id, id) ON DELETE CASCADE;

ALTER TABLE import_problem
    DROP CONSTRAINT import_problem_job_id_fkey,
    ADD CONSTRAINT fk_import_problem_job FOREIGN KEY (tenant_id, job_id)
        REFERENCES import_job (tenant_id, id) ON DELETE CASCADE;
