-- Per object: records a polling round changed in the graph while the object's changes streamed in, that is, changes
-- the stream had missed and the round, the safety net, repaired.
alter table sync_object add column repaired bigint not null default 0;
