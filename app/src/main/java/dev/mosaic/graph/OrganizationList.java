package dev.mosaic.graph;

import dev.mosaic.platform.database.SqlTimes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.springframework.stereotype.Service;

/**
 * The organizations list: searchable, sortable by name or by any of its {@link OrganizationFigures}, paged. Every live
 * organization is listed, those created since the figures were last computed too (without figures until then). A
 * tenant has tens of thousands of organizations at a million records, and sorting that many rows joined to their
 * figures takes tens of milliseconds, so no index per sort order is kept.
 */
@Service
public class OrganizationList {

    private final DSLContext db;
    private final GraphReader graph;
    private final OrganizationFigures figures;

    OrganizationList(DSLContext db, GraphReader graph, OrganizationFigures figures) {
        this.db = db;
        this.graph = graph;
        this.figures = figures;
    }

    /**
     * What a list can be sorted by.
     *
     * @param column    the SQL expression, on the organization {@code e} and its figures {@code f}
     * @param ascending its natural direction: names A to Z, amounts largest first, the latest activity first
     * @param nullIsLow whether a missing value sorts below every other (no activity is the oldest activity) or above
     */
    public enum Sort {
        NAME("lower(e.display_name)", true, true),
        OWNER("lower(f.owner_name)", true, false),
        CONTACTS("f.contacts", false, true),
        OPEN_PIPELINE("f.open_amount", false, true),
        WEIGHTED_PIPELINE("f.open_weighted", false, true),
        WON("f.won_amount", false, true),
        LAST_ACTIVITY("f.last_activity_at", false, true),
        NEXT_ACTIVITY("f.next_activity_at", true, false);

        private final String column;
        private final boolean ascending;
        private final boolean nullIsLow;

        Sort(String column, boolean ascending, boolean nullIsLow) {
            this.column = column;
            this.ascending = ascending;
            this.nullIsLow = nullIsLow;
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

        String orderBy(boolean ascendingOrder) {
            boolean nullsFirst = ascendingOrder == nullIsLow;
            return column + (ascendingOrder ? " asc" : " desc") + (nullsFirst ? " nulls first" : " nulls last");
        }
    }

    /** An organization in the list; {@code figures} null until they are first computed for it. */
    public record Row(GraphViews.Summary organization, OrganizationFigures.Figures figures) {
    }

    public Page<Row> page(String tenantId, String query, Sort sort, boolean ascending, int limit, int offset) {
        if (sort == Sort.NAME && ascending) {
            // The name index gives the page without reading the others.
            Page<GraphViews.Summary> byName = graph.search(tenantId, EntityType.ORGANIZATION, query, limit, offset);
            var computed = figures.of(tenantId, byName.items().stream().map(GraphViews.Summary::id).toList());
            return new Page<>(byName.items().stream().map(item -> new Row(item, computed.get(item.id()))).toList(),
                    byName.total());
        }
        SearchFilter filter = SearchFilter.of(tenantId, EntityType.ORGANIZATION, query);
        Result<Record> rows = db.fetch("select e.entity_id, e.display_name, e.updated_at, f.*, f.entity_id is not null as computed, "
                + "count(*) over () as total "
                + "from (select entity_id, display_name, updated_at from entity where " + filter.where() + ") e "
                + "left join organization_figures f on f.tenant_id = ? and f.entity_id = e.entity_id "
                + "order by " + sort.orderBy(ascending) + ", lower(e.display_name), e.entity_id limit ? offset ?",
                filter.bindsThen(tenantId, limit, offset));
        List<Row> items = rows.map(row -> new Row(new GraphViews.Summary(row.get(0, UUID.class), EntityType.ORGANIZATION,
                row.get("display_name", String.class), SqlTimes.instant(row, "updated_at")),
                row.get("computed", Boolean.class) ? OrganizationFigures.figures(row) : null));
        long total = rows.isEmpty() ? (offset == 0 ? 0 : graph.search(tenantId, EntityType.ORGANIZATION, query, 1, 0).total())
                : rows.get(0).get("total", Long.class);
        return new Page<>(items, total);
    }
}
