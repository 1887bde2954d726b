-- Background jobs (db-scheduler) and CSV imports that run as one.

-- db-scheduler's queue, in the exact shape db-scheduler 16 reads and writes.
-- THE ONE EXCEPTION to "every primary key starts with tenant_id": this is a platform queue shared by all
-- tenants, and db-scheduler fixes its primary key as (task_name, task_instance). Tenant-scoped tasks keep
-- the rule in spirit: their task_instance starts with the tenant id ("<tenant_id>/<id>", see
-- dev.mosaic.platform.jobs.TenantTaskInstances), and each feature keeps its job state in its own tables,
-- keyed by tenant_id. On Citus this table is not distributed by tenant.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);

-- A CSV import too large to answer in the request. Progress is committed with each chunk it covers, so a
-- restart resumes after last_row and nothing is imported twice.
create table csv_import_job (
    tenant_id         text        not null,
    import_id         uuid        not null,
    type              text        not null,
    source            text        not null,
    -- The caller's {"CSV header":"field"} as [[header, field], ...] (order kept), or null to recognize headers.
    requested_mapping jsonb,
    -- What the import uses: [[header, field], ...], the ignored headers, where externalIds come from.
    mapping           jsonb       not null,
    ignored_columns   jsonb       not null,
    external_ids      text        not null,
    status            text        not null,
    total_rows        int         not null,
    file_bytes        bigint      not null default 0,
    file_parts        int         not null default 0,
    rows_done         int         not null default 0,
    -- Spreadsheet row number of the last row committed (0: none yet); a resumed run skips up to it.
    last_row          int         not null default 0,
    created           int         not null default 0,
    updated           int         not null default 0,
    unchanged         int         not null default 0,
    merged            int         not null default 0,
    rejected          int         not null default 0,
    listed_errors     int         not null default 0,
    more_errors       int         not null default 0,
    -- Time spent on chunks, so the rate is rows per second of work, not of wall clock across restarts.
    busy_millis       bigint      not null default 0,
    -- Failures since the last committed chunk; the job fails when they reach the limit.
    failures          int         not null default 0,
    last_error        text,
    created_at        timestamptz not null,
    started_at        timestamptz,
    finished_at       timestamptz,
    primary key (tenant_id, import_id),
    constraint csv_import_job_status check (status in ('queued', 'running', 'done', 'failed'))
);
create index csv_import_job_newest on csv_import_job (tenant_id, created_at desc, import_id);

-- The uploaded file, stored durably so that any app instance can run the job, even after a restart.
-- Parts of at most 1 MiB, read back one at a time (bounded memory); deleted when the job ends.
create table csv_import_part (
    tenant_id text  not null,
    import_id uuid  not null,
    part      int   not null,
    bytes     bytea not null,
    primary key (tenant_id, import_id, part),
    foreign key (tenant_id, import_id) references csv_import_job (tenant_id, import_id) on delete cascade
);

-- The first errors by row number, as the synchronous import lists them.
create table csv_import_error (
    tenant_id   text not null,
    import_id   uuid not null,
    seq         int  not null,
    row_number  int  not null,
    external_id text,
    field       text,
    reason      text not null,
    primary key (tenant_id, import_id, seq),
    foreign key (tenant_id, import_id) references csv_import_job (tenant_id, import_id) on delete cascade
);

-- The first row of each externalId seen so far (by hash: an id may be longer than an index entry), so a
-- later row with the same id is refused however far apart they are, without holding every id in memory.
create table csv_import_claimed_id (
    tenant_id        text  not null,
    import_id        uuid  not null,
    external_id_hash text  not null,
    first_row        int   not null,
    primary key (tenant_id, import_id, external_id_hash),
    foreign key (tenant_id, import_id) references csv_import_job (tenant_id, import_id) on delete cascade
);
