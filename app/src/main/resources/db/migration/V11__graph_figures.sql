-- Figures the views show, worked out from the whole graph in the background (GraphFigures): at a million records no
-- page could add them up live. Each is recomputed, for one tenant at a time and from one snapshot, after its graph
-- changed; the pages say how fresh they are.

-- What the organizations list shows beside each name: its owner, its contacts, its open pipeline and won revenue, its
-- last and next activity and its sources.
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
    -- The name as lists sort it, so a list sorted by a figure is read from an index below, a page at a time.
    sort_name        text        not null,
    primary key (tenant_id, entity_id)
);
-- One index per order the list offers, each in its natural direction (the largest amounts, the latest activity, the
-- soonest next activity, owners A to Z) with missing values last; read backwards for the opposite order.
create index organization_figures_by_open on organization_figures (tenant_id, open_amount desc nulls last, sort_name, entity_id);
create index organization_figures_by_weighted on organization_figures (tenant_id, open_weighted desc nulls last, sort_name, entity_id);
create index organization_figures_by_won on organization_figures (tenant_id, won_amount desc nulls last, sort_name, entity_id);
create index organization_figures_by_contacts on organization_figures (tenant_id, contacts desc nulls last, sort_name, entity_id);
create index organization_figures_by_last_activity on organization_figures
    (tenant_id, last_activity_at desc nulls last, sort_name, entity_id);
create index organization_figures_by_next_activity on organization_figures
    (tenant_id, next_activity_at asc nulls last, sort_name, entity_id);
create index organization_figures_by_owner on organization_figures
    (tenant_id, lower(owner_name) asc nulls last, sort_name, entity_id);

-- Each deal as the pipeline adds it up: its golden values, read once, and the users who own it in any source.
create table deal_figures (
    tenant_id   text    not null,
    entity_id   uuid    not null,
    stage       text    not null,
    currency    text    not null,
    amount      numeric,
    probability numeric,
    close_date  text,
    closed      boolean not null,
    won         boolean not null,
    owner_ids   uuid[]  not null,
    primary key (tenant_id, entity_id)
);

-- A tenant's figures are out of date when its graph changed since they were computed: each write bumps change_count
-- in its own transaction, and a computation records the count its snapshot saw. The counts of the home and health pages
-- are kept here too.
create table graph_figures_state (
    tenant_id                    text not null,
    change_count                 bigint not null default 0,
    changed_at                   timestamptz,
    computed_count               bigint not null default 0,
    computed_at                  timestamptz,
    compute_millis               bigint,
    contacts_without_email       bigint not null default 0,
    organizations_without_domain bigint not null default 0,
    -- How many live entities of each type: {"contact": 123886, …}.
    entity_counts                jsonb  not null default '{}',
    primary key (tenant_id)
);
