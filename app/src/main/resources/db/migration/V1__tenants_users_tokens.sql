-- Every table's primary key starts with tenant_id: the distribution column when Mosaic runs on Citus.

create table tenant (
    tenant_id   text        not null,
    name        text        not null,
    created_at  timestamptz not null default now(),
    primary key (tenant_id),
    constraint tenant_id_format check (tenant_id ~ '^[a-z0-9][a-z0-9-]{0,39}$')
);

create table app_user (
    tenant_id      text        not null references tenant (tenant_id),
    user_id        uuid        not null,
    email          text        not null,
    password_hash  text        not null,
    role           text        not null,
    created_at     timestamptz not null default now(),
    primary key (tenant_id, user_id),
    constraint app_user_email_unique unique (tenant_id, email),
    constraint app_user_role check (role in ('ADMIN', 'MEMBER'))
);

-- Tokens are stored as SHA-256 hashes; the token itself is shown once, when it is made.
create table api_token (
    tenant_id     text        not null,
    token_id      uuid        not null,
    user_id       uuid        not null,
    token_hash    text        not null,
    name          text        not null,
    created_at    timestamptz not null default now(),
    primary key (tenant_id, token_id),
    foreign key (tenant_id, user_id) references app_user (tenant_id, user_id),
    constraint api_token_hash_unique unique (tenant_id, token_hash)
);
