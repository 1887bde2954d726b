-- Salesforce connections and their sync state.

-- One connected org of a tenant. The consumer secret and the refresh token are sealed together with AES-GCM
-- (dev.mosaic.platform.crypto.SecretBox), bound to this row's tenant and id, and are never read back out of
-- the app. A tenant connects an org once: reconnecting replaces the secrets of the same row.
create table salesforce_connection (
    tenant_id          text        not null,
    connection_id      uuid        not null,
    org_id             text        not null,
    instance_url       text        not null,
    login_url          text        not null,
    client_id          text        not null,
    sealed_secrets     bytea       not null,
    secrets_set_at     timestamptz not null,
    -- CONNECTED, SYNCING, NEEDS_RECONNECT or ERROR; status_detail says why in plain words.
    status             text        not null,
    status_detail      text,
    api_used           bigint,
    api_max            bigint,
    sync_interval_secs integer     not null,
    created_at         timestamptz not null,
    last_round_at      timestamptz,
    last_success_at    timestamptz,
    primary key (tenant_id, connection_id),
    constraint salesforce_connection_org_unique unique (tenant_id, org_id)
);

-- Every org a tenant has ever connected: its records stay in the graph after a disconnect, and are still found
-- by their Salesforce ids (GET /api/v1/external/salesforce/{object}/{id}).
create table salesforce_org (
    tenant_id         text        not null,
    org_id            text        not null,
    first_connected_at timestamptz not null,
    primary key (tenant_id, org_id)
);

-- Where the sync of one object of one connection stands. The cursor (a typed, versioned JSON record) is
-- written in the same transaction as the records it covers, so a crash loses and doubles nothing.
create table sync_object (
    tenant_id       text        not null,
    connection_id   uuid        not null,
    object          text        not null,
    phase           text        not null,
    cursor          jsonb       not null,
    -- The fields read, from describe (checked again at most daily, for new custom fields).
    schema          jsonb,
    described_at    timestamptz,
    records_synced  bigint      not null default 0,
    records_total   bigint,
    busy_millis     bigint      not null default 0,
    last_success_at timestamptz,
    last_error      text,
    last_error_at   timestamptz,
    primary key (tenant_id, connection_id, object)
);

-- Records the sync could not map, with why and what Salesforce sent; the sync goes on without them. A later
-- version of the record that maps clears its entry.
create table sync_quarantine (
    tenant_id      text        not null,
    connection_id  uuid        not null,
    object         text        not null,
    record_id      text        not null,
    reason         text        not null,
    payload        jsonb       not null,
    quarantined_at timestamptz not null,
    primary key (tenant_id, connection_id, object, record_id)
);

-- Relation objects (OpportunityContactRole, AccountContactRelation) are links of another record, not entities:
-- each row is kept here, and the record it belongs to (the opportunity, the contact) is written with these
-- links added to its own.
create table sync_child_link (
    tenant_id     text  not null,
    connection_id uuid  not null,
    object        text  not null,
    child_id      text  not null,
    parent_id     text  not null,
    target_id     text  not null,
    attributes    json  not null,
    primary key (tenant_id, connection_id, object, child_id)
);
-- By tenant and parent only: an index sharing the primary key's first three columns would look as good to the
-- planner for a lookup by child id, and it picked it, reading every row of the object per lookup. Parent ids are
-- Salesforce record ids, so the few rows found are filtered by connection and object at no cost.
create index sync_child_link_parent on sync_child_link (tenant_id, parent_id);

-- Records to read again because a relation row of theirs changed; taken off in the transaction that writes them.
create table sync_pending_refresh (
    tenant_id     text not null,
    connection_id uuid not null,
    object        text not null,
    record_id     text not null,
    primary key (tenant_id, connection_id, object, record_id)
);

-- Each round of a connection: when, on which app instance, and how it ended; what Settings shows as the sync's
-- history, and the evidence that rounds of one connection never overlap.
create table sync_round (
    tenant_id     text        not null,
    connection_id uuid        not null,
    round_id      uuid        not null,
    instance      text        not null,
    started_at    timestamptz not null,
    ended_at      timestamptz,
    outcome       text,
    detail        text,
    primary key (tenant_id, connection_id, round_id)
);
