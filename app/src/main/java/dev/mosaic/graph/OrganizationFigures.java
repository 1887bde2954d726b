package dev.mosaic.graph;

import dev.mosaic.platform.database.SqlArrays;
import dev.mosaic.platform.database.SqlTimes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the organizations list shows beside each name: owner, contacts, open pipeline (sum and weighted), won revenue,
 * last and next activity, sources. At a million records these take seconds to work out for a whole tenant, so they are
 * kept in a table and recomputed in the background (see {@link OrganizationFiguresTask}) once the tenant's graph changed.
 *
 * <p>Each graph write marks its tenant changed in its own transaction ({@link #markChanged}); a recompute reads the
 * graph and the mark in one snapshot, so a write it did not see leaves the figures marked out of date. The whole
 * tenant is recomputed in one pass of hash joins: following each change to the organizations it touches would cost the
 * write path more than the pass costs in the background. Recomputes of a tenant are spaced by four times the last one's
 * duration, so a long load spends at most a fifth of its time on them.
 */
@Service
public class OrganizationFigures {

    private static final Logger log = LoggerFactory.getLogger(OrganizationFigures.class);
    private static final int SPACING = 4;
    private static final Duration MIN_SPACING = Duration.ofSeconds(1);
    private static final int COMPUTE_BINDS = 12;
    private static final int WHOLE_PASS_ABOVE = 2_000;

    private final DSLContext db;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    OrganizationFigures(DSLContext db, TransactionTemplate transactions, Clock clock) {
        this.db = db;
        this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
    }

    /**
     * @param currency        of the amounts: the one most of the organization's deals are in; null without deals
     * @param mixedCurrencies whether some deals are in other currencies (left out of the amounts)
     */
    public record Figures(UUID ownerId, String ownerName, int contacts, int openDeals, String currency,
                          boolean mixedCurrencies, BigDecimal openAmount, BigDecimal openWeighted, BigDecimal wonAmount,
                          Instant lastActivityAt, Instant nextActivityAt, List<String> sources) {
    }

    /** When the tenant's figures were last computed, and whether the graph changed since. */
    public record Freshness(Instant computedAt, boolean behind) {
    }

    /** Marks the tenant's figures out of date; called by every graph write, in its transaction. */
    void markChanged(String tenantId) {
        db.execute("insert into organization_figures_state (tenant_id, change_count) values (?, 1) on conflict (tenant_id) "
                + "do update set change_count = organization_figures_state.change_count + 1", tenantId);
    }

    /** The figures of these organizations, as last computed; an organization not computed yet has none. */
    public Map<UUID, Figures> of(String tenantId, Collection<UUID> organizationIds) {
        Map<UUID, Figures> figures = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return figures;
        }
        db.fetch("select f.* from unnest(?::uuid[]) as ids(id) cross join lateral (select * from organization_figures "
                        + "where tenant_id = ? and entity_id = ids.id offset 0) f", SqlArrays.uuids(organizationIds), tenantId)
                .forEach(row -> figures.put(row.get("entity_id", UUID.class), figures(row)));
        return figures;
    }

    public Freshness freshness(String tenantId) {
        return db.fetchOptional("select computed_at, change_count > computed_count as behind from organization_figures_state "
                        + "where tenant_id = ?", tenantId)
                .map(row -> new Freshness(SqlTimes.instant(row, "computed_at"), row.get("behind", Boolean.class)))
                .orElse(new Freshness(null, false));
    }

    /**
     * How many live organizations had no activity since {@code since} and have none planned, as last computed: those
     * nobody has been in touch with. Organizations created since the last computation are not counted yet.
     */
    public long quietSince(String tenantId, Instant since) {
        return db.fetchOne("select count(*) from organization_figures f join entity e on e.tenant_id = f.tenant_id "
                + "and e.entity_id = f.entity_id and e.merged_into is null and not e.deleted where f.tenant_id = ? "
                + "and (f.last_activity_at is null or f.last_activity_at < ?::timestamptz) and f.next_activity_at is null",
                tenantId, SqlTimes.utc(since)).get(0, Long.class);
    }

    /** Recomputes the figures of every tenant whose graph changed since, and whose turn it is; returns those tenants. */
    public List<String> refreshChanged() {
        Instant now = clock.instant();
        List<String> due = db.fetch("select tenant_id, computed_at, compute_millis from organization_figures_state "
                        + "where change_count > computed_count order by tenant_id").stream()
                .filter(row -> isDue(row, now)).map(row -> row.get("tenant_id", String.class)).toList();
        due.forEach(this::refresh);
        return due;
    }

    private static boolean isDue(Record row, Instant now) {
        Instant computedAt = SqlTimes.instant(row, "computed_at");
        Long millis = row.get("compute_millis", Long.class);
        if (computedAt == null || millis == null) {
            return true;
        }
        Duration spacing = Duration.ofMillis(millis * SPACING);
        return !computedAt.plus(spacing.compareTo(MIN_SPACING) < 0 ? MIN_SPACING : spacing).isAfter(now);
    }

    /** Recomputes one tenant's figures from one snapshot of its graph. */
    public void refresh(String tenantId) {
        long started = System.nanoTime();
        int computed = snapshot.execute(status -> {
            Optional<Long> seen = db.fetchOptional("select change_count from organization_figures_state where tenant_id = ?",
                    tenantId).map(row -> row.get(0, Long.class));
            if (organizations(tenantId) > WHOLE_PASS_ABOVE) {
                // A large tenant is read in one pass of hash joins, with room to hold them. The planner, misled by join
                // estimates on links' three-column targets, would walk indexes row by row (44 s instead of 13 at a
                // million records). A small tenant's rows are best found through the indexes, as the planner does.
                db.execute("set local enable_nestloop = off");
                db.execute("set local work_mem = '128MB'");
            }
            db.execute("delete from organization_figures where tenant_id = ?", tenantId);
            int written = db.execute(COMPUTE, Collections.nCopies(COMPUTE_BINDS, tenantId).toArray());
            long millis = (System.nanoTime() - started) / 1_000_000;
            db.execute("insert into organization_figures_state (tenant_id, change_count, computed_count, computed_at, "
                    + "compute_millis) values (?, ?, ?, ?::timestamptz, ?) on conflict (tenant_id) do update set "
                    + "computed_count = excluded.computed_count, computed_at = excluded.computed_at, "
                    + "compute_millis = excluded.compute_millis", tenantId, seen.orElse(0L), seen.orElse(0L),
                    SqlTimes.utc(clock.instant()), millis);
            return written;
        });
        log.info("Computed the figures of {} organizations of tenant {} in {} ms", computed, tenantId,
                (System.nanoTime() - started) / 1_000_000);
    }

    private int organizations(String tenantId) {
        return db.fetchOne("select count(*) from entity where tenant_id = ? and entity_type = 'organization' "
                + "and merged_into is null and not deleted", tenantId).get(0, Integer.class);
    }

    static Figures figures(Record row) {
        String[] sources = row.get("sources", String[].class);
        return new Figures(row.get("owner_id", UUID.class), row.get("owner_name", String.class),
                row.get("contacts", Integer.class), row.get("open_deals", Integer.class), row.get("currency", String.class),
                row.get("mixed_currencies", Boolean.class), row.get("open_amount", BigDecimal.class),
                row.get("open_weighted", BigDecimal.class), row.get("won_amount", BigDecimal.class),
                SqlTimes.instant(row, "last_activity_at"), SqlTimes.instant(row, "next_activity_at"),
                sources == null ? List.of() : List.of(sources));
    }

    /**
     * Every live organization of a tenant with its figures, in one statement of hash joins over the tenant's rows.
     * Links name their targets by source ids, so each relation is followed from the records of the organization: its
     * contacts (works at it), its deals (about it), and its activities (interactions it, one of its contacts or one of
     * its deals takes part in; their time is their timeline entry's, whose id is the record's). Records their sources
     * deleted count for nothing.
     */
    private static final String COMPUTE = """
            insert into organization_figures (tenant_id, entity_id, owner_id, owner_name, contacts, open_deals, currency,
                mixed_currencies, open_amount, open_weighted, won_amount, last_activity_at, next_activity_at, sources)
            with org_records as (
                select r.entity_id as org_id, r.record_id, r.system, r.object, r.external_id
                from entity o join source_record r on r.tenant_id = o.tenant_id and r.entity_id = o.entity_id and not r.deleted
                where o.tenant_id = ? and o.entity_type = 'organization' and o.merged_into is null and not o.deleted),
            pointing as (
                select o.org_id, l.kind, f.entity_id as from_entity, f.record_id as from_record
                from org_records o
                join link l on l.tenant_id = ? and l.to_system = o.system and l.to_object = o.object
                    and l.to_external_id = o.external_id
                join source_record f on f.tenant_id = ? and f.record_id = l.from_record and not f.deleted),
            members as (
                select distinct org_id, kind, from_entity as entity_id from pointing
                where kind in ('works_at', 'deal_organization')),
            member_records as (
                select m.org_id, r.system, r.object, r.external_id from members m
                join source_record r on r.tenant_id = ? and r.entity_id = m.entity_id and not r.deleted),
            activity_records as (
                select org_id, from_record as record_id from pointing where kind = 'participant'
                union
                select m.org_id, l.from_record from member_records m
                join link l on l.tenant_id = ? and l.to_system = m.system and l.to_object = m.object
                    and l.to_external_id = m.external_id and l.kind in ('participant', 'interaction_deal')),
            activities as (
                select a.org_id, max(t.occurred_at) filter (where t.occurred_at <= now()) as last_at,
                    min(t.occurred_at) filter (where t.occurred_at > now()) as next_at
                from activity_records a
                join source_record r on r.tenant_id = ? and r.record_id = a.record_id and not r.deleted
                join timeline_event t on t.tenant_id = ? and t.event_id = a.record_id
                group by a.org_id),
            contacts as (
                select org_id, count(*) as contacts from members where kind = 'works_at' group by org_id),
            deal_values as materialized (
                select m.org_id, g.golden::jsonb as golden
                from members m join entity_golden g on g.tenant_id = ? and g.entity_id = m.entity_id
                where m.kind = 'deal_organization'),
            deals as materialized (
                select org_id, coalesce(golden -> 'currency' ->> 'value', '') as currency,
                    lower(coalesce(golden -> 'closed' ->> 'value', '')) = 'true' as closed,
                    lower(coalesce(golden -> 'won' ->> 'value', '')) = 'true' as won,
                    case when golden -> 'amount' ->> 'value' ~ '^-?[0-9]{1,20}(\\.[0-9]{1,10})?$'
                        then (golden -> 'amount' ->> 'value')::numeric end as amount,
                    case when golden -> 'probability' ->> 'value' ~ '^-?[0-9]{1,20}(\\.[0-9]{1,10})?$'
                        then (golden -> 'probability' ->> 'value')::numeric end as probability
                from deal_values),
            money_by_currency as (
                select org_id, currency, count(*) as deals, count(*) filter (where not closed) as open_deals,
                    coalesce(sum(amount) filter (where not closed), 0) as open_amount,
                    coalesce(sum(amount * coalesce(probability, 0) / 100) filter (where not closed), 0) as open_weighted,
                    coalesce(sum(amount) filter (where won), 0) as won_amount,
                    count(*) over (partition by org_id) > 1 as mixed
                from deals group by org_id, currency),
            money as (
                select distinct on (org_id) * from money_by_currency order by org_id, deals desc, currency),
            owners as (
                select distinct on (o.org_id) o.org_id, ue.entity_id as owner_id, ue.display_name as owner_name
                from org_records o
                cross join lateral (select to_system, to_object, to_external_id from link
                    where tenant_id = ? and from_record = o.record_id and kind = 'owner' offset 0) l
                cross join lateral (select entity_id from source_record where tenant_id = ? and system = l.to_system
                    and object = l.to_object and external_id = l.to_external_id and not deleted offset 0) u
                cross join lateral (select entity_id, display_name from entity
                    where tenant_id = ? and entity_id = u.entity_id offset 0) ue
                order by o.org_id, o.system, o.record_id),
            sources as (
                select org_id, array_agg(distinct system order by system) filter (where system <> 'mosaic') as sources
                from org_records group by org_id)
            select ?, s.org_id, w.owner_id, w.owner_name, coalesce(c.contacts, 0), coalesce(m.open_deals, 0),
                nullif(m.currency, ''), coalesce(m.mixed, false), coalesce(m.open_amount, 0), coalesce(m.open_weighted, 0),
                coalesce(m.won_amount, 0), a.last_at, a.next_at, coalesce(s.sources, '{}')
            from sources s
            left join contacts c on c.org_id = s.org_id
            left join money m on m.org_id = s.org_id
            left join owners w on w.org_id = s.org_id
            left join activities a on a.org_id = s.org_id
            """;
}
