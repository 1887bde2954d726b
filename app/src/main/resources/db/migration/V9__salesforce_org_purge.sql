-- A disconnected org's records can be purged from the graph: asked at disconnect, or later for data kept then.
-- The purge runs in the background, a chunk per transaction; these columns say how far it is. An org being
-- purged cannot be connected again until the purge is done.
alter table salesforce_org add column purge_requested_at timestamptz;
alter table salesforce_org add column purge_requested_by text;
alter table salesforce_org add column records_purged     bigint not null default 0;
alter table salesforce_org add column purged_at          timestamptz;
