-- Change Data Capture: where a connection's Pub/Sub API is (null: Salesforce's own for Salesforce orgs), and how far
-- each of its change streams has been applied (the replay id is committed with the changes it covers).
alter table salesforce_connection add column pubsub_endpoint text;

create table salesforce_change_stream (
    tenant_id      text        not null,
    connection_id  uuid        not null,
    topic          text        not null,
    -- base64 of the opaque replay id bytes; null: start from the oldest event Salesforce keeps
    replay_id      text,
    -- LIVE, CONNECTING, WAITING (after an error, until retry_at) or OFF (the org has no Change Data Capture)
    state          text        not null,
    detail         text,
    -- the objects the org publishes change events for (the others are polled only)
    objects        text[]      not null default '{}',
    events         bigint      not null default 0,
    -- from the newest applied event's commit in Salesforce to its write in the graph
    lag_ms         bigint,
    last_event_at  timestamptz,
    last_heard_at  timestamptz,
    retry_at       timestamptz,
    updated_at     timestamptz not null,
    primary key (tenant_id, connection_id, topic)
);
