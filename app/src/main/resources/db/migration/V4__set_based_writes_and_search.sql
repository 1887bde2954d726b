-- The set-based write path. A record keeps the time of the newest message applied to it, so a late older
-- message can neither undelete it nor replace its links, and a fingerprint of its links, so a write can
-- tell whether they changed without reading them.
alter table source_record add column observed_at timestamptz;
alter table source_record add column links_hash text not null default '';
update source_record set observed_at = coalesce(
    (select max((field.value ->> 'at')::timestamptz) from jsonb_each(fields) field), first_seen_at);
alter table source_record alter column observed_at set not null;

-- Search by any part of a name, email or domain at a million entities: trigram GIN on the lower-cased
-- search text, with the tenant and the type in the same index (btree_gin) so one tenant's search never
-- reads another's postings. Both extensions are trusted: a database owner may create them.
create extension if not exists pg_trgm;
create extension if not exists btree_gin;
create index entity_search on entity using gin (tenant_id, entity_type, search_text gin_trgm_ops)
    where merged_into is null and not deleted and search_text <> '';
