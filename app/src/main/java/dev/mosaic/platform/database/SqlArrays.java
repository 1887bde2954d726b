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
 * array once, in a {@code from unnest(…)} or {@code col in (select unnest(?::uuid[]))}, never in a filter.
 * Reads go one step further: {@code from unnest(?) cross join lateral (select … where key = ids.id)} makes
 * every id one index probe, a plan that does not turn into a scan of the table when statistics are stale or
 * the table is large.
 */
public final class SqlArrays {

    private SqlArrays() {
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
