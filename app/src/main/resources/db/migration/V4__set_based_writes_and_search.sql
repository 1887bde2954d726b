-- The set-based write path. A record keeps the time of the newest message applied to it, so a late older
-- message can neither undelete it nor replace its links, and a fingerprint of its links, so a write can
-- tell whether they changed without reading them.
alter table source_record add column observed_at timestamptz;
alter table source_record add column links_hash text not null default '';
update source_record set observed_at = coalesce(
    (select max((field.value ->> 'at')::timestamptz) from jsonb_each(fields) field), first_seen_at);
alter table source_record alter column observed_at set not null;

-- Search by any part of a name, email or domain at a million entities: a trigram GIN index on the
-- lower-cased search text (pg_trgm is a trusted extension: a database owner may create it). Only the text is
-- indexed: the tenant and type are checked on the few rows the trigrams leave, which costs less, to write and
-- to read, than index keys that every row of a tenant shares.
create extension if not exists pg_trgm;
create index entity_search on entity using gin (search_text gin_trgm_ops)
    where merged_into is null and not deleted and search_text <> '';
