-- The customer graph. Every source record (what one system says about one thing) is kept as it was said;
-- an entity is the cluster of source records that identity resolution says are the same customer, and
-- its golden values are derived from them. So a merge moves records, and an unmerge moves them back.

create table entity (
    tenant_id     text        not null,
    entity_id     uuid        not null,
    entity_type   text        not null,
    merged_into   uuid,
    deleted       boolean     not null default false,
    display_name  text        not null default '',
    search_text   text        not null default '',
    golden        jsonb       not null default '{}',
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    primary key (tenant_id, entity_id),
    constraint entity_type_known check (entity_type in
        ('organization', 'contact', 'lead', 'deal', 'interaction', 'note', 'user'))
);
create index entity_listing on entity (tenant_id, entity_type, lower(display_name), entity_id)
    where merged_into is null and not deleted;
create index entity_merged_into on entity (tenant_id, merged_into) where merged_into is not null;

create table source_record (
    tenant_id     text        not null,
    record_id     uuid        not null,
    system        text        not null,
    object        text        not null,
    external_id   text        not null,
    entity_type   text        not null,
    entity_id     uuid        not null,
    url           text,
    fields        jsonb       not null,
    content_hash  text        not null,
    deleted       boolean     not null default false,
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null,
    primary key (tenant_id, record_id),
    constraint source_record_external_unique unique (tenant_id, system, object, external_id)
);
create index source_record_entity on source_record (tenant_id, entity_id);

-- Links are said by a source record and name their target by its external id in the same system, so a
-- link may arrive before its target and always follows the target's current entity.
create table link (
    tenant_id      text  not null,
    from_record    uuid  not null,
    kind           text  not null,
    to_system      text  not null,
    to_object      text  not null,
    to_external_id text  not null,
    attributes     jsonb not null default '{}',
    primary key (tenant_id, from_record, kind, to_system, to_object, to_external_id)
);
create index link_target on link (tenant_id, to_system, to_object, to_external_id);

create table timeline_event (
    tenant_id      text        not null,
    event_id       uuid        not null,
    occurred_at    timestamptz not null,
    kind           text        not null,
    subject_record uuid,
    subject_entity uuid,
    summary        text        not null,
    detail         jsonb       not null default '{}',
    recorded_at    timestamptz not null,
    primary key (tenant_id, event_id)
);
create index timeline_by_record on timeline_event (tenant_id, subject_record, occurred_at desc);
create index timeline_by_entity on timeline_event (tenant_id, subject_entity, occurred_at desc);

-- Survivorship: a tenant's trusted sources, most trusted first.
create table source_priority (
    tenant_id text    not null,
    system    text    not null,
    position  integer not null,
    primary key (tenant_id, system)
);
