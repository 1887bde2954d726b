package dev.mosaic.graph;

import dev.mosaic.platform.database.Rows;
import dev.mosaic.platform.database.SqlArrays;
import dev.mosaic.platform.database.SqlTimes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * What the organizations list shows beside each name: owner, contacts, open pipeline (sum and weighted), won revenue,
 * last and next activity, sources. Computed for a whole tenant at once by {@link GraphFigures}, after the deals'
 * figures ({@link Pipeline#computeDeals}), whose amounts it adds up.
 */
@Service
public class OrganizationFigures {

    private static final int COMPUTE_BINDS = 12;
    private static final FigureTable TABLE = new FigureTable("organization_figures", List.of("tenant_id", "entity_id",
            "owner_id", "owner_name", "contacts", "open_deals", "currency", "mixed_currencies", "open_amount", "open_weighted",
            "won_amount", "last_activity_at", "next_activity_at", "sources", "sort_name"));

    private final DSLContext db;

    OrganizationFigures(DSLContext db) {
        this.db = db;
    }

    /**
     * @param currency        of the amounts: the one most of the organization's deals are in; null without deals
     * @param mixedCurrencies whether some deals are in other currencies (left out of the amounts)
     */
    public record Figures(UUID ownerId, String ownerName, int contacts, int openDeals, String currency,
                          boolean mixedCurrencies, BigDecimal openAmount, BigDecimal openWeighted, BigDecimal wonAmount,
                          Instant lastActivityAt, Instant nextActivityAt, List<String> sources) {
    }

    /** The figures of these organizations, as last computed; an organization not computed yet has none. */
    public Map<UUID, Figures> of(String tenantId, Collection<UUID> organizationIds) {
        Map<UUID, Figures> figures = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return figures;
        }
        Rows.fetch(db, "select f.* from unnest(?::uuid[]) as ids(id) cross join lateral (select * from "
                        + "organization_figures where tenant_id = ? and entity_id = ids.id offset 0) f",
                        SqlArrays.uuids(organizationIds), tenantId)
                .forEach(row -> figures.put(row.get("entity_id", UUID.class), figures(row)));
        return figures;
    }

    /**
     * How many live organizations had no activity since {@code since} and have none planned, as last computed: those
     * nobody has been in touch with. Organizations created since the last computation are not counted yet.
     */
    public long quietSince(String tenantId, Instant since) {
        return db.fetchOne("select count(*) from organization_figures f where f.tenant_id = ? "
                + "and (f.last_activity_at is null or f.last_activity_at < ?::timestamptz) and f.next_activity_at is null "
                + "and exists (select 1 from (select merged_into, deleted from entity where tenant_id = f.tenant_id "
                + "and entity_id = f.entity_id offset 0) e where e.merged_into is null and not e.deleted)",
                tenantId, SqlTimes.utc(since)).get(0, Long.class);
    }

    /** Recomputes the figures of every organization of the tenant, in the caller's snapshot of the graph. */
    void computeAll(String tenantId) {
        TABLE.replace(db, tenantId, COMPUTE, Collections.nCopies(COMPUTE_BINDS, tenantId).toArray());
    }

    static Figures figures(Rows.Row row) {
        String[] sources = row.get("sources", String[].class);
        return new Figures(row.get("owner_id", UUID.class), row.get("owner_name", String.class),
                row.get("contacts", Integer.class), row.get("open_deals", Integer.class), row.get("currency", String.class),
                row.get("mixed_currencies", Boolean.class), row.get("open_amount", BigDecimal.class),
                row.get("open_weighted", BigDecimal.class), row.get("won_amount", BigDecimal.class),
                row.instant("last_activity_at"), row.instant("next_activity_at"),
                sources == null ? List.of() : List.of(sources));
    }

    /**
     * Every live organization of a tenant with its figures, in one statement: hash joins over the tenant's rows for a
     * large tenant (see {@link GraphFigures}), and index probes for the owner of each organization's records. Links name
     * their targets by source ids, so each relation is followed from the records of the organization: its
     * contacts (works at it), its deals (about it), and its activities (interactions it, one of its contacts or one of
     * its deals takes part in; their time is their timeline entry's, whose id is the record's). Records their sources
     * deleted count for nothing.
     */
    private static final String COMPUTE = """
            with org_records as (
                select r.entity_id as org_id, lower(o.display_name) as sort_name, r.record_id, r.system, r.object,
                    r.external_id
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
            deals as (
                select m.org_id, d.currency, d.closed, d.won, d.amount, d.probability
                from members m join deal_figures d on d.tenant_id = ? and d.entity_id = m.entity_id
                where m.kind = 'deal_organization'),
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
                select org_id, min(sort_name) as sort_name,
                    array_agg(distinct system order by system) filter (where system <> 'mosaic') as sources
                from org_records group by org_id)
            select ?, s.org_id, w.owner_id, w.owner_name, coalesce(c.contacts, 0), coalesce(m.open_deals, 0),
                nullif(m.currency, ''), coalesce(m.mixed, false), coalesce(m.open_amount, 0), coalesce(m.open_weighted, 0),
                coalesce(m.won_amount, 0), a.last_at, a.next_at, coalesce(s.sources, '{}'), s.sort_name
            from sources s
            left join contacts c on c.org_id = s.org_id
            left join money m on m.org_id = s.org_id
            left join owners w on w.org_id = s.org_id
            left join activities a on a.org_id = s.org_id
            """;
}
