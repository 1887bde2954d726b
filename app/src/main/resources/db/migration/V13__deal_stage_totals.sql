-- The pipeline of every owner and period, added up once per computation of the deals' figures (Pipeline): the pipeline
-- page asks for it far more often than the deals change, and adding up 55,000 deals per request was the slowest read.
create table deal_stage_totals (
    tenant_id           text    not null,
    stage               text    not null,
    currency            text    not null,
    deals               bigint  not null,
    amount              numeric not null,
    weighted            numeric not null,
    average_probability numeric,
    primary key (tenant_id, stage, currency)
);
insert into deal_stage_totals (tenant_id, stage, currency, deals, amount, weighted, average_probability)
    select tenant_id, stage, currency, count(*), coalesce(sum(amount), 0),
        coalesce(sum(amount * coalesce(probability, 0) / 100), 0), avg(probability)
    from deal_figures group by tenant_id, stage, currency;
