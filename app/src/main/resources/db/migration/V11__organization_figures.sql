-- What the organizations list shows beside each name: its owner, its contacts, its open pipeline and won revenue, its
-- last and next activity and its sources. Worked out from the whole graph, so at a million records no page could
-- compute them live for 28,000 organizations; they are recomputed in the background after a tenant's graph
-- changed (OrganizationFigures), and the list shows how fresh they are.
create table organization_figures (
    tenant_id        text        not null,
    entity_id        uuid        not null,
    owner_id         uuid,
    owner_name       text,
    contacts         integer     not null,
    open_deals       integer     not null,
    -- Amounts are in the currency most of the organization's deals are in; mixed_currencies says others were left out.
    currency         text,
    mixed_currencies boolean     not null,
    open_amount      numeric     not null,
    open_weighted    numeric     not null,
    won_amount       numeric     not null,
    last_activity_at timestamptz,
    next_activity_at timestamptz,
    sources          text[]      not null,
    primary key (tenant_id, entity_id)
);

-- A tenant's figures are out of date when its graph changed since they were computed: each write bumps change_count
-- in its own transaction, and a refresh records the count its snapshot saw.
create table organization_figures_state (
    tenant_id        text        not null,
    change_count     bigint      not null default 0,
    computed_count   bigint      not null default 0,
    computed_at      timestamptz,
    compute_millis   bigint,
    primary key (tenant_id)
);
