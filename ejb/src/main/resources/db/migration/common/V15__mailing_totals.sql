-- A mailing's totals, kept when the retention sweep deletes its per-recipient records, so that its
-- progress and statistics still show what went out. Empty while the records are there.
ALTER TABLE mailing ADD COLUMN sent_count BIGINT;
ALTER TABLE mailing ADD COLUMN failed_count BIGINT;
ALTER TABLE mailing ADD COLUMN skipped_count BIGINT;
