package dev.mosaic.graph;

import dev.mosaic.platform.database.Rows;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * The organizations list: searchable, sortable by name or by any of its {@link OrganizationFigures}, paged. A tenant has
 * tens of thousands of organizations at a million records: sorting them all for each page took 170 ms, so each order
 * has an index on the figures.
 */
@Service
public class OrganizationList {

    private final DSLContext db;
    private final GraphReader graph;
    private final OrganizationFigures figures;
    private final GraphFigures computed;

    OrganizationList(DSLContext db, GraphReader graph, OrganizationFigures figures, GraphFigures computed) {
        this.db = db;
        this.computed = computed;
        this.graph = graph;
        this.figures = figures;
    }

    /**
     * What a list can be sorted by, each in its natural direction first (names and owners A to Z, the largest amounts,
     * the latest activity, the soonest next activity), with organizations that have no value last; the opposite order
     * reverses all of it.
     *
     * @param column    the SQL expression, on the organization {@code e} and its figures {@code f}
     * @param ascending its natural direction
     */
    public enum Sort {
        NAME("lower(e.display_name)", true),
        OWNER("lower(f.owner_name)", true),
        CONTACTS("f.contacts", false),
        OPEN_PIPELINE("f.open_amount", false),
        WEIGHTED_PIPELINE("f.open_weighted", false),
        WON("f.won_amount", false),
        LAST_ACTIVITY("f.last_activity_at", false),
        NEXT_ACTIVITY("f.next_activity_at", true);

        private final String column;
        private final boolean ascending;

        Sort(String column, boolean ascending) {
            this.column = column;
            this.ascending = ascending;
        }

        public boolean ascendingByDefault() {
            return ascending;
        }

        /** The sort a URL names ({@code open-pipeline}), if any. */
        public static Optional<Sort> fromKey(String key) {
            for (Sort sort : values()) {
                if (sort.key().equals(key)) {
                    return Optional.of(sort);
                }
            }
            return Optional.empty();
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The order by, with ties broken by name and then id, all reversed for the opposite of the natural order. */
        String orderBy(boolean ascendingOrder, String name, String id) {
            boolean natural = ascendingOrder == ascending;
            String direction = ascendingOrder ? " asc" : " desc";
            String tieDirection = natural ? " asc" : " desc";
            return column + direction + (natural ? " nulls last" : " nulls first") + ", " + name + tieDirection + ", " + id
                    + tieDirection;
        }
    }

    /** An organization in the list; {@code figures} null until they are first computed for it. */
    public record Row(GraphViews.Summary organization, OrganizationFigures.Figures figures) {
    }

    /**
     * A page of the list. Sorted by a figure without a search, it is read from that figure's index, a page at a time:
     * organizations created since the figures were last computed join it once they are (within seconds). Searched, it
     * is read from the matches, which are few.
     */
    public Page<Row> page(String tenantId, String query, Sort sort, boolean ascending, int limit, int offset) {
        boolean searched = query != null && !query.isBlank();
        if (sort == Sort.NAME && ascending) {
            // The name index gives the page without reading the others.
            Page<GraphViews.Summary> byName = graph.search(tenantId, EntityType.ORGANIZATION, query, limit, offset);
            var computed = figures.of(tenantId, byName.items().stream().map(GraphViews.Summary::id).toList());
            return new Page<>(byName.items().stream().map(item -> new Row(item, computed.get(item.id()))).toList(),
                    byName.total());
        }
        if (sort != Sort.NAME && !searched) {
            // Each organization is looked up by its primary key (see SqlArrays), and whether it is live is checked
            // after: a plain join, planned before the statistics have seen a small tenant, compared every figure with
            // every entity (0.4 s for 300 organizations), and a probe naming the live-only conditions walked the
            // partial listing index instead (80 ms).
            Rows rows = Rows.fetch(db, "select e.entity_id, e.display_name, e.updated_at, f.*, true as computed "
                    + "from organization_figures f cross join lateral (select entity_id, display_name, updated_at, "
                    + "merged_into, deleted from entity where tenant_id = f.tenant_id and entity_id = f.entity_id offset 0) e "
                    + "where f.tenant_id = ? and e.merged_into is null and not e.deleted "
                    + "order by " + sort.orderBy(ascending, "f.sort_name", "f.entity_id") + " limit ? offset ?",
                    tenantId, limit, offset);
            // The rows are the organizations of the last computation, and so is the total: counting them again per
            // page took longer than reading the page at a million records.
            return new Page<>(rows.map(OrganizationList::row), computed.counts(tenantId).of(EntityType.ORGANIZATION));
        }
        SearchFilter filter = SearchFilter.of(tenantId, EntityType.ORGANIZATION, query);
        Rows rows = Rows.fetch(db, "select e.entity_id, e.display_name, e.updated_at, f.*, f.entity_id is not null as computed, "
                + "count(*) over () as total "
                + "from (select entity_id, display_name, updated_at from entity where " + filter.where() + ") e "
                + "left join lateral (select * from organization_figures where tenant_id = ? and entity_id = e.entity_id "
                + "offset 0) f on true "
                + "order by " + sort.orderBy(ascending, "lower(e.display_name)", "e.entity_id") + " limit ? offset ?",
                filter.bindsThen(tenantId, limit, offset));
        long total = rows.isEmpty() ? (offset == 0 ? 0 : graph.search(tenantId, EntityType.ORGANIZATION, query, 1, 0).total())
                : rows.first().orElseThrow().get("total", Long.class);
        return new Page<>(rows.map(OrganizationList::row), total);
    }

    private static Row row(Rows.Row row) {
        return new Row(new GraphViews.Summary(row.get(0, UUID.class), EntityType.ORGANIZATION,
                row.get("display_name", String.class), row.instant("updated_at")),
                row.get("computed", Boolean.class) ? OrganizationFigures.figures(row) : null);
    }
}
