-- Counters kept as tracking events are written, so that a mailing's statistics read a few thousand
-- rows instead of every event: events per mailing, kind, machine or person, link (-1 for opens)
-- and UTC hour; and one row per recipient who opened or clicked (link -1: the mailing as a whole),
-- for the unique counts.
CREATE TABLE tracking_count (
    tenant_id   VARCHAR(32) NOT NULL,
    mailing_id  BIGINT      NOT NULL,
    kind        VARCHAR(8)  NOT NULL,
    machine     BOOLEAN     NOT NULL,
    link_index  INTEGER     NOT NULL,
    hour_utc    TIMESTAMP   NOT NULL,
    events      BIGINT      NOT NULL,
    CONSTRAINT pk_tracking_count PRIMARY KEY (tenant_id, mailing_id, kind, machine, link_index, hour_utc),
    CONSTRAINT fk_tracking_count_mailing FOREIGN KEY (tenant_id, mailing_id)
        REFERENCES mailing (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE tracking_recipient (
    tenant_id     VARCHAR(32) NOT NULL,
    mailing_id    BIGINT      NOT NULL,
    kind          VARCHAR(8)  NOT NULL,
    machine       BOOLEAN     NOT NULL,
    link_index    INTEGER     NOT NULL,
    subscriber_id BIGINT      NOT NULL,
    CONSTRAINT pk_tracking_recipient
        PRIMARY KEY (tenant_id, mailing_id, kind, machine, link_index, subscriber_id),
    CONSTRAINT fk_tracking_recipient_mailing FOREIGN KEY (tenant_id, mailing_id)
        REFERENCES mailing (tenant_id, id) ON DELETE CASCADE
);

INSERT INTO tracking_count (tenant_id, mailing_id, kind, machine, link_index, hour_utc, events)
SELECT tenant_id, mailing_id, kind, machine, COALESCE(link_index, -1),
       date_trunc('hour', occurred_at AT TIME ZONE 'UTC'), COUNT(*)
  FROM tracking_event
 GROUP BY tenant_id, mailing_id, kind, machine, COALESCE(link_index, -1),
          date_trunc('hour', occurred_at AT TIME ZONE 'UTC');

INSERT INTO tracking_recipient (tenant_id, mailing_id, kind, machine, link_index, subscriber_id)
SELECT DISTINCT tenant_id, mailing_id, kind, machine, -1, subscriber_id
  FROM tracking_event WHERE subscriber_id IS NOT NULL;

INSERT INTO tracking_recipient (tenant_id, mailing_id, kind, machine, link_index, subscriber_id)
SELECT DISTINCT tenant_id, mailing_id, kind, machine, link_index, subscriber_id
  FROM tracking_event WHERE subscriber_id IS NOT NULL AND link_index IS NOT NULL;
