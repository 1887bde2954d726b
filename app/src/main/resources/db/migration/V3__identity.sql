-- Identity resolution: matching keys per source record, merge lineage, cannot-merge pairs, review queue.

create table identity_key (
    tenant_id   text not null,
    entity_type text not null,
    key_type    text not null,
    key_value   text not null,
    record_id   uuid not null,
    primary key (tenant_id, entity_type, key_type, key_value, record_id)
);
create index identity_key_record on identity_key (tenant_id, record_id);

create table merge_lineage (
    tenant_id      text        not null,
    merge_id       uuid        not null,
    entity_type    text        not null,
    survivor_id    uuid        not null,
    merged_id      uuid        not null,
    moved_records  jsonb       not null,
    moved_entities jsonb       not null,
    reason         text        not null,
    evidence       jsonb       not null default '{}',
    merged_by      text        not null,
    merged_at      timestamptz not null,
    unmerged_by    text,
    unmerged_at    timestamptz,
    primary key (tenant_id, merge_id)
);
create index merge_lineage_survivor on merge_lineage (tenant_id, survivor_id, merged_at desc);
create index merge_lineage_merged on merge_lineage (tenant_id, merged_id, merged_at desc);

-- A person said these two are different (an unmerge or a rejected suggestion): never merge them again.
create table merge_block (
    tenant_id  text        not null,
    entity_a   uuid        not null,
    entity_b   uuid        not null,
    reason     text        not null,
    created_at timestamptz not null,
    primary key (tenant_id, entity_a, entity_b),
    constraint merge_block_ordered check (entity_a < entity_b)
);

create table review_item (
    tenant_id   text        not null,
    review_id   uuid        not null,
    entity_type text        not null,
    entity_a    uuid        not null,
    entity_b    uuid        not null,
    reason      text        not null,
    evidence    jsonb       not null default '{}',
    status      text        not null default 'pending',
    created_at  timestamptz not null,
    decided_by  text,
    decided_at  timestamptz,
    primary key (tenant_id, review_id),
    constraint review_pair_ordered check (entity_a < entity_b),
    constraint review_status check (status in ('pending', 'accepted', 'rejected', 'obsolete'))
);
create unique index review_pair on review_item (tenant_id, entity_a, entity_b);
create index review_pending on review_item (tenant_id, status, created_at);
