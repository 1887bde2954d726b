-- Mosaic itself may state a link a source did not: a contact with a work email works at the organization of
-- its domain. Such a link is marked, so a source's own links replace only its own, and carries its evidence in
-- its attributes.
alter table link add column inferred boolean not null default false;

-- A person said an inferred link is wrong: it is removed and never inferred again for that record and target.
create table link_rejection (
    tenant_id      text        not null,
    from_record    uuid        not null,
    kind           text        not null,
    to_system      text        not null,
    to_object      text        not null,
    to_external_id text        not null,
    rejected_by    text        not null,
    rejected_at    timestamptz not null,
    primary key (tenant_id, from_record, kind, to_system, to_object, to_external_id)
);
