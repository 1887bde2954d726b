package dev.mosaic.platform.database;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Java arrays for set-based statements: a chunk binds one array per column and reads them back with
 * {@code unnest(?::uuid[], ?::text[], …)}, so a statement's parameter count does not grow with the chunk
 * (a multi-row VALUES list would hit PostgreSQL's 65,535-parameter limit). Times travel as ISO text and
 * are cast in SQL ({@code ?::timestamptz[]}), since jOOQ binds plain-SQL times as text anyway.
 *
 * <p>jOOQ sends an array as text cast in SQL. Such a cast is not folded into a constant, so a filter
 * {@code col = any(?::uuid[])} parses the whole array again for every row it checks: quadratic. Read an
 * array once, in a {@code from unnest(…)}, never in a filter.
 *
 * <p>Rows are found by key with one index probe per key, whatever the statistics say:
 * {@code from unnest(?) as ids(id) cross join lateral (select … where tenant_id = ? and key = ids.id offset 0)}.
 * The {@code offset 0} keeps PostgreSQL from flattening the lateral subquery into a join. Flattened, a join
 * is planned from the statistics, and until ANALYZE has seen a tenant's rows they say that {@code tenant_id = ?}
 * picks a few hundred of them: the planner then reads all of the tenant's rows into a hash or merge join,
 * once per chunk, so a load slowed down as the table grew. Updates and deletes locate their rows the same
 * way and then touch them by {@code ctid} (a TID scan), for the same reason.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /**
     * A condition naming the rows of {@code table} whose {@code keyColumn} is one of an array of UUIDs, found by one
     * index probe each and matched by {@code ctid}: {@code ctid = any(array(…))}. Binds, in order: the UUID array
     * ({@link #uuids}), then the tenant id.
     */
    public static String rowsWithKeyIn(String table, String keyColumn) {
        return "ctid = any(array(select found.ctid from unnest(?::uuid[]) as ids(id) cross join lateral (select ctid from "
                + table + " where tenant_id = ? and " + keyColumn + " = ids.id offset 0) found))";
    }

    public static UUID[] uuids(Collection<UUID> values) {
        return values.toArray(UUID[]::new);
    }

    public static <T> UUID[] uuids(List<T> rows, Function<T, UUID> column) {
        return rows.stream().map(column).toArray(UUID[]::new);
    }

    public static String[] texts(Collection<String> values) {
        return values.toArray(String[]::new);
    }

    public static <T> String[] texts(List<T> rows, Function<T, String> column) {
        return rows.stream().map(column).toArray(String[]::new);
    }

    public static <T> String[] times(List<T> rows, Function<T, Instant> column) {
        return rows.stream().map(column).map(time -> time == null ? null : time.toString()).toArray(String[]::new);
    }

    public static <T> Boolean[] booleans(List<T> rows, Function<T, Boolean> column) {
        return rows.stream().map(column).toArray(Boolean[]::new);
    }
}
