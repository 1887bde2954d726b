-- The graph's JSON documents are written whole by Mosaic and read back whole; no query looks inside them.
-- PostgreSQL's json keeps the text as written (after checking it is JSON), where jsonb converts it to a binary
-- form on every write and back to text on every read: at a million records that conversion was a third of the
-- cost of writing an entity, and most of the cost of reading a chunk's records back.
alter table entity alter column golden drop default;
alter table entity alter column golden type json using golden::json;
alter table entity alter column golden set default '{}';
alter table source_record alter column fields type json using fields::json;
alter table timeline_event alter column detail drop default;
alter table timeline_event alter column detail type json using detail::json;
alter table timeline_event alter column detail set default '{}';
alter table link alter column attributes drop default;
alter table link alter column attributes type json using attributes::json;
alter table link alter column attributes set default '{}';
