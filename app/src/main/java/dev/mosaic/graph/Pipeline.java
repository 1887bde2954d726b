package dev.mosaic.graph;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Deals by stage: how many, their amount and their amount weighted by probability, per currency, optionally for one
 * owner and a close period. Read live from the deals' golden values in one statement.
 */
@Service
public class Pipeline {

    /** A decimal as sources write it; anything else counts as no amount rather than failing the page. */
    private static final String DECIMAL = "'^-?[0-9]{1,20}(\\.[0-9]{1,10})?$'";

    private final DSLContext db;

    Pipeline(DSLContext db) {
        this.db = db;
    }

    /**
     * @param averageProbability of the stage's deals that give one, 0–100; null when none does
     */
    public record Stage(String stage, String currency, long deals, BigDecimal amount, BigDecimal weighted,
                        BigDecimal averageProbability) {
    }

    /**
     * @param owner     only the deals this user entity owns; null for all
     * @param closeFrom only deals closing on or after this day; null for no bound (so for {@code closeTo})
     */
    public List<Stage> stages(String tenantId, UUID owner, LocalDate closeFrom, LocalDate closeTo) {
        List<Object> binds = new ArrayList<>(List.of(tenantId));
        StringBuilder where = new StringBuilder();
        if (closeFrom != null) {
            where.append(" and d.close_date >= ?");
            binds.add(closeFrom.toString());
        }
        if (closeTo != null) {
            where.append(" and d.close_date <= ?");
            binds.add(closeTo.toString());
        }
        if (owner != null) {
            where.append(" ").append("""
                    and exists (select 1 from source_record r
                        join link l on l.tenant_id = r.tenant_id and l.from_record = r.record_id and l.kind = 'owner'
                        join source_record u on u.tenant_id = l.tenant_id and u.system = l.to_system
                            and u.object = l.to_object and u.external_id = l.to_external_id
                        where r.tenant_id = d.tenant_id and r.entity_id = d.entity_id and u.entity_id = ?)""");
            binds.add(owner);
        }
        return db.fetch("""
                        with d as (
                            select e.tenant_id, e.entity_id,
                                coalesce(nullif(g.golden -> 'stage' ->> 'value', ''), '(no stage)') as stage,
                                coalesce(g.golden -> 'currency' ->> 'value', '') as currency,
                                g.golden -> 'closeDate' ->> 'value' as close_date,
                                case when g.golden -> 'amount' ->> 'value' ~ %1$s
                                    then (g.golden -> 'amount' ->> 'value')::numeric end as amount,
                                case when g.golden -> 'probability' ->> 'value' ~ %1$s
                                    then (g.golden -> 'probability' ->> 'value')::numeric end as probability
                            from entity e join entity_golden g on g.tenant_id = e.tenant_id and g.entity_id = e.entity_id
                            where e.tenant_id = ? and e.entity_type = 'deal' and e.merged_into is null and not e.deleted)
                        select stage, currency, count(*) as deals, coalesce(sum(amount), 0) as amount,
                            coalesce(sum(amount * coalesce(probability, 0) / 100), 0) as weighted,
                            avg(probability) as probability
                        from d where true%2$s
                        group by stage, currency
                        order by avg(probability) nulls first, stage, currency""".formatted(DECIMAL, where),
                        binds.toArray())
                .map(row -> new Stage(row.get("stage", String.class), row.get("currency", String.class),
                        row.get("deals", Long.class), row.get("amount", BigDecimal.class), row.get("weighted", BigDecimal.class),
                        row.get("probability", BigDecimal.class)));
    }
}
