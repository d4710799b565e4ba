-- Every index costs each insert: an import of a million subscribers writes a million entries into
-- each index of subscription. (tenant_id, subscriber_id) is the leading part of the unique key
-- (tenant_id, subscriber_id, mailing_list_id), which serves every lookup and cascade it served.
DROP INDEX ix_subscription_tenant_subscriber;
