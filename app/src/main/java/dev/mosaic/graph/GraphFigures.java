package dev.mosaic.graph;

import dev.mosaic.platform.database.SqlTimes;
import java.time.Duration;
import java.time.Instant;
import dev.mosaic.platform.json.Json;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures the views show that no page could add up live at a million records: each deal's values as the pipeline
 * sums them ({@link Pipeline}), each organization's owner, contacts, pipeline and activity ({@link OrganizationFigures}),
 * and the counts of the home and health pages. They are recomputed in the background (see {@link GraphFiguresTask}) once the
 * tenant's graph changed, and the pages say how fresh they are.
 *
 * <p>Each graph write marks its tenant changed in its own transaction ({@link #markChanged}); a computation reads the
 * graph and the mark in one snapshot, so a write it did not see leaves the figures marked out of date. The whole
 * tenant is recomputed in one pass of hash joins: following each change to the organizations it touches would cost the
 * write path more than the pass costs in the background. While writes go on, a tenant's computations are spaced by ten
 * times the last one's duration from the first write they have not taken in, so a long load spends at most a tenth of
 * its time on them (at a fifth, a million-record sync took 5 % longer) and a short burst (a sync round) runs alone;
 * once writes stop for 5 s, the figures are computed.
 */
@Service
public class GraphFigures {

    private static final Logger log = LoggerFactory.getLogger(GraphFigures.class);
    private static final int SPACING = 10;
    private static final Duration MIN_SPACING = Duration.ofSeconds(1);
    /** Writes that stopped this long ago are done for now: their figures are computed at once. */
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final int WHOLE_PASS_ABOVE = 2_000;

    private final DSLContext db;
    private final Pipeline pipeline;
    private final OrganizationFigures organizations;
    private final EntityStore entities;
    private final TransactionTemplate snapshot;

    GraphFigures(DSLContext db, Pipeline pipeline, OrganizationFigures organizations, EntityStore entities,
                 TransactionTemplate transactions) {
        this.db = db;
        this.entities = entities;
        this.pipeline = pipeline;
        this.organizations = organizations;
        this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * When the tenant's figures were last computed, and whether the graph changed since (a computation follows within
     * seconds).
     */
    public record Freshness(Instant computedAt, boolean behind) {

        /** Whether the figures are there and up to date. */
        public boolean current() {
            return computedAt != null && !behind;
        }
    }

    /**
     * The counts of the home and health pages, as last computed.
     *
     * @param entities how many live entities of each type (none of a type: absent)
     */
    public record Counts(Map<EntityType, Long> entities, long contactsWithoutEmail, long organizationsWithoutDomain) {

        public long of(EntityType type) {
            return entities.getOrDefault(type, 0L);
        }
    }

    /** Marks the tenant's figures out of date; called by every graph write, in its transaction. */
    void markChanged(String tenantId) {
        // clock_timestamp(), not now(): now() is when the writer's transaction began, and a chunk that took longer
        // than the quiet time to write would look, once committed, like writes that had stopped.
        db.execute("insert into graph_figures_state (tenant_id, change_count, changed_at, pending_since) "
                + "values (?, 1, clock_timestamp(), clock_timestamp()) on conflict (tenant_id) do update set "
                + "change_count = graph_figures_state.change_count + 1, changed_at = excluded.changed_at, "
                + "pending_since = case when graph_figures_state.change_count <= graph_figures_state.computed_count "
                + "then excluded.changed_at else coalesce(graph_figures_state.pending_since, excluded.changed_at) end",
                tenantId);
    }

    public Freshness freshness(String tenantId) {
        return db.fetchOptional("select computed_at, change_count > computed_count as behind from graph_figures_state "
                        + "where tenant_id = ?", tenantId)
                .map(row -> new Freshness(SqlTimes.instant(row, "computed_at"), row.get("behind", Boolean.class)))
                .orElse(new Freshness(null, false));
    }

    public Counts counts(String tenantId) {
        return db.fetchOptional("select entity_counts::text, contacts_without_email, organizations_without_domain "
                        + "from graph_figures_state where tenant_id = ?", tenantId)
                .map(row -> new Counts(entityCounts(row.get(0, String.class)), row.get(1, Long.class), row.get(2, Long.class)))
                .orElse(new Counts(Map.of(), 0, 0));
    }

    /**
     * How many live entities of a type the tenant has. While nothing changed since the figures were computed, their
     * count is exact and read in one row; otherwise they are counted, which at a million records took 25 ms.
     */
    public long liveCount(String tenantId, EntityType type) {
        return db.fetchOptional("select coalesce((entity_counts ->> ?)::bigint, 0) from graph_figures_state "
                        + "where tenant_id = ? and computed_at is not null and change_count <= computed_count", type.key(), tenantId)
                .map(row -> row.get(0, Long.class))
                .orElseGet(() -> entities.countLive(tenantId, type));
    }

    private static Map<EntityType, Long> entityCounts(String json) {
        Map<EntityType, Long> counts = new EnumMap<>(EntityType.class);
        Json.read(json).fields().forEachRemaining(count -> counts.put(EntityType.fromKey(count.getKey()),
                count.getValue().asLong()));
        return counts;
    }

    /**
     * Recomputes the figures of every tenant whose graph changed since, and whose turn it is: never computed, writes
     * that stopped, or writes going on for ten times the last computation's duration. Returns those tenants.
     */
    public List<String> refreshChanged() {
        List<String> due = db.fetch("""
                select tenant_id from graph_figures_state
                where change_count > computed_count and (computed_at is null or changed_at is null
                    or changed_at < now() - ? * interval '1 millisecond'
                    or coalesce(pending_since, computed_at) + greatest(?, compute_millis * ?) * interval '1 millisecond'
                        <= now())
                order by tenant_id""", QUIET.toMillis(), MIN_SPACING.toMillis(), SPACING)
                .map(row -> row.get(0, String.class));
        for (String tenantId : due) {
            try {
                refresh(tenantId);
            } catch (RuntimeException e) {
                // The other tenants' figures go on; this one is tried again at the next turn.
                log.warn("Could not compute the figures of tenant {}", tenantId, e);
            }
        }
        return due;
    }

    /** What a computation saw, to be recorded in the tenant's state. */
    private record Computed(long changesSeen, int deals, long contactsWithoutEmail, long organizationsWithoutDomain,
                            String entityCounts) {
    }

    /** Recomputes one tenant's figures from one snapshot of its graph. */
    private void refresh(String tenantId) {
        long started = System.nanoTime();
        Computed computed = snapshot.execute(status -> {
            long seen = db.fetchOptional("select change_count from graph_figures_state where tenant_id = ?", tenantId)
                    .map(row -> row.get(0, Long.class)).orElse(0L);
            if (entities.countLive(tenantId, EntityType.ORGANIZATION) > WHOLE_PASS_ABOVE) {
                // A large tenant is read in passes of hash joins, with room to hold them. The planner, misled by join
                // estimates on links' three-column targets, would walk indexes row by row (44 s instead of 13 at a
                // million records). A small tenant's rows are best found through the indexes, as the planner does.
                db.execute("set local enable_nestloop = off");
                db.execute("set local work_mem = '128MB'");
            }
            int deals = pipeline.computeDeals(tenantId);
            organizations.computeAll(tenantId);
            Record gaps = countGaps(tenantId);
            return new Computed(seen, deals, gaps.get(0, Long.class), gaps.get(1, Long.class), countEntities(tenantId));
        });
        // Recorded after the snapshot's transaction: writers bump this row meanwhile, and a repeatable-read transaction
        // may not update a row changed since it began. A slower computation of an older snapshot never wins.
        long millis = (System.nanoTime() - started) / 1_000_000;
        db.execute("insert into graph_figures_state (tenant_id, change_count, computed_count, computed_at, compute_millis, "
                        + "contacts_without_email, organizations_without_domain, entity_counts) "
                        + "values (?, ?, ?, now(), ?, ?, ?, ?::jsonb) on conflict (tenant_id) do update set "
                        + "computed_count = excluded.computed_count, computed_at = excluded.computed_at, "
                        + "compute_millis = excluded.compute_millis, contacts_without_email = excluded.contacts_without_email, "
                        + "organizations_without_domain = excluded.organizations_without_domain, "
                        + "entity_counts = excluded.entity_counts, "
                        // Writes this computation missed are pending from now: the next is spaced from here.
                        + "pending_since = case when graph_figures_state.change_count > excluded.computed_count "
                        + "then now() end "
                        + "where graph_figures_state.computed_count <= excluded.computed_count",
                tenantId, computed.changesSeen(), computed.changesSeen(), millis,
                computed.contactsWithoutEmail(), computed.organizationsWithoutDomain(), computed.entityCounts());
        log.info("Computed the figures of tenant {} ({} deals) in {} ms", tenantId, computed.deals(), millis);
    }

    /** Contacts no source gives an email, organizations no source gives a domain or a website. */
    private Record countGaps(String tenantId) {
        return db.fetchOne("""
                select count(*) filter (where e.entity_type = 'contact' and coalesce(g.golden -> 'email' ->> 'value', '') = ''),
                    count(*) filter (where e.entity_type = 'organization'
                        and coalesce(g.golden -> 'domain' ->> 'value', '') = ''
                        and coalesce(g.golden -> 'website' ->> 'value', '') = '')
                from entity e join entity_golden g on g.tenant_id = e.tenant_id and g.entity_id = e.entity_id
                where e.tenant_id = ? and e.entity_type in ('contact', 'organization') and e.merged_into is null
                    and not e.deleted""", tenantId);
    }

    /** How many live entities of each type, as a JSON object. */
    private String countEntities(String tenantId) {
        return db.fetchOne("select coalesce(jsonb_object_agg(entity_type, n), '{}')::text from (select entity_type, "
                + "count(*) as n from entity where tenant_id = ? and merged_into is null and not deleted "
                + "group by entity_type) counts", tenantId).get(0, String.class);
    }
}
