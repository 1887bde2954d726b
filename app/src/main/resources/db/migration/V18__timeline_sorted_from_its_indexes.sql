-- A timeline page is sorted from these indexes alone (index-only scans): each entry carries the event's id beside its
-- time, so only the events shown are read from the table, not every event of the entity and its contacts.
create index timeline_by_record_with_id on timeline_event (tenant_id, subject_record, occurred_at desc) include (event_id);
drop index timeline_by_record;
alter index timeline_by_record_with_id rename to timeline_by_record;
create index timeline_by_entity_with_id on timeline_event (tenant_id, subject_entity, occurred_at desc) include (event_id);
drop index timeline_by_entity;
alter index timeline_by_entity_with_id rename to timeline_by_entity;
