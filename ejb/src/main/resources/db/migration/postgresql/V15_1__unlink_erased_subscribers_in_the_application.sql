-- The repository unlinks a deleted subscriber's opens, clicks and bounces itself, on PostgreSQL and
-- H2 alike (it is the only path that deletes subscribers); the trigger of V12_1/V13_1 goes.
DROP TRIGGER tr_subscriber_unlink_tracking ON subscriber;
DROP FUNCTION rundbrief_unlink_tracking();
