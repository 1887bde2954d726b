package dev.mosaic.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * A table of figures computed from a tenant's whole graph, a row per entity ({@code organization_figures},
 * {@code deal_figures}). A computation makes the table hold exactly what it computed, and writes only the rows that
 * changed: deleting the tenant's rows and inserting them all again left every row dead at each computation (several a
 * minute during a load), so the lists read through indexes bloated with them, and each index was written again for
 * figures that had not moved.
 *
 * @param name    the table, keyed by {@code (tenant_id, entity_id)}
 * @param columns its columns, {@code tenant_id} and {@code entity_id} first, in the order the computation gives them
 */
record FigureTable(String name, List<String> columns) {

    FigureTable {
        if (!columns.subList(0, 2).equals(List.of("tenant_id", "entity_id"))) {
            throw new IllegalArgumentException("A figures table is keyed by tenant_id and entity_id: " + columns);
        }
        columns = List.copyOf(columns);
    }

    /**
     * Makes the tenant's rows what {@code computation} selects (its binds given with it), and returns how many rows
     * that is: rows no longer computed are deleted, new ones inserted, changed ones updated, the rest left alone.
     */
    int replace(DSLContext db, String tenantId, String computation, Object... binds) {
        List<String> figures = columns.subList(2, columns.size());
        String all = String.join(", ", columns);
        String sql = """
                with computed (%1$s) as materialized (%2$s),
                gone as (delete from %3$s f where f.tenant_id = ?
                    and not exists (select 1 from computed c where c.entity_id = f.entity_id)),
                written as (insert into %3$s (%1$s) select * from computed
                    on conflict (tenant_id, entity_id) do update set %4$s
                    where (%5$s) is distinct from (%6$s))
                select count(*) from computed""".formatted(all, computation, name,
                figures.stream().map(column -> column + " = excluded." + column).collect(Collectors.joining(", ")),
                figures.stream().map(column -> name + "." + column).collect(Collectors.joining(", ")),
                figures.stream().map(column -> "excluded." + column).collect(Collectors.joining(", ")));
        List<Object> allBinds = new ArrayList<>(List.of(binds));
        allBinds.add(tenantId);
        return db.fetchOne(sql, allBinds.toArray()).get(0, Integer.class);
    }
}
