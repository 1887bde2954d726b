-- Mosaic itself may state a link a source did not: a contact with a work email works at the organization of
-- its domain. Such a link is marked, so a source's own links replace only its own, and carries its evidence in
-- its attributes.
alter table link add column inferred boolean not null default false;

-- What a person decided about a link Mosaic inferred or suggested: a rejected one is removed and never inferred
-- again for that record and target; an accepted one stays whatever inference says later.
create table link_decision (
    tenant_id      text        not null,
    from_record    uuid        not null,
    kind           text        not null,
    to_system      text        not null,
    to_object      text        not null,
    to_external_id text        not null,
    accepted       boolean     not null,
    attributes     json        not null,
    decided_by     text        not null,
    decided_at     timestamptz not null,
    primary key (tenant_id, from_record, kind, to_system, to_object, to_external_id)
);

-- The review queue also suggests links: a contact naming a company several organizations are called.
alter table review_item add column kind text not null default 'merge';
alter table review_item drop constraint review_pair_ordered;
alter table review_item add constraint review_pair_ordered check (kind <> 'merge' or entity_a < entity_b);
alter table review_item add constraint review_kind check (kind in ('merge', 'works_at'));

-- A suggested merge carries how likely the two are one customer (0 to 1), and the queue is read best first.
alter table review_item add column score double precision;
create index review_ranked on review_item (tenant_id, status, score desc nulls last, created_at);

-- A workspace may let Mosaic merge, without asking, the pairs it scores at least this likely to be one customer.
create table matching_setting (
    tenant_id         text        not null,
    auto_merge_above  double precision,
    updated_by        text        not null,
    updated_at        timestamptz not null,
    primary key (tenant_id)
);

-- The matching model a workspace's own data gave (m and u per field and level, and the prior), per entity type, and
-- how many records arrived since: enough of them and the model is estimated again in the background.
create table matching_model (
    tenant_id     text        not null,
    entity_type   text        not null,
    model         json,
    records       bigint      not null default 0,
    pairs         integer     not null default 0,
    estimated_at  timestamptz,
    new_records   bigint      not null default 0,
    primary key (tenant_id, entity_type)
);
