-- The graph's JSON documents are written whole by Mosaic and read back whole; no query looks inside them.
-- PostgreSQL's json keeps the text as written (after checking it is JSON), where jsonb converts it to a binary
-- form on every write and back to text on every read: at a million records that conversion was a third of the
-- cost of writing an entity, and most of the cost of reading a chunk's records back.
alter table source_record alter column fields type json using fields::json;
alter table timeline_event alter column detail drop default;
alter table timeline_event alter column detail type json using detail::json;
alter table timeline_event alter column detail set default '{}';
alter table link alter column attributes drop default;
alter table link alter column attributes type json using attributes::json;
alter table link alter column attributes set default '{}';

-- Golden values in a table of their own: an entity row is then a hundred bytes instead of over a kilobyte, so
-- searches and lists, which read thousands of entity rows and none of their golden values, find them in a
-- few cached pages. Interactions and notes keep none: each is one record, with no history of field changes,
-- and its golden values are that record's, worked out when an entity page is read.
create table entity_golden (
    tenant_id text not null,
    entity_id uuid not null,
    golden    json not null,
    primary key (tenant_id, entity_id)
);
insert into entity_golden (tenant_id, entity_id, golden)
    select tenant_id, entity_id, golden::json from entity where entity_type not in ('interaction', 'note');
alter table entity drop column golden;
