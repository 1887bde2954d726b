package dev.mosaic.platform.database;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;

/**
 * The rows of a result, read by column name with each name looked up once per result. jOOQ's {@code Record.get(String)}
 * compares the name with every column's name on every call: reading a page of organizations with their figures, or a
 * chunk's hundred thousand key holders, spent a tenth of the app's time there.
 */
public final class Rows {

    private final Result<Record> result;
    private final Map<String, Integer> indexes = new HashMap<>();

    private Rows(Result<Record> result) {
        this.result = result;
    }

    public static Rows of(Result<Record> result) {
        return new Rows(result);
    }

    /** The rows of a plain-SQL statement. */
    public static Rows fetch(DSLContext db, String sql, Object... binds) {
        return new Rows(db.fetch(sql, binds));
    }

    public <T> List<T> map(Function<Row, T> mapper) {
        List<T> mapped = new ArrayList<>(result.size());
        for (Record record : result) {
            mapped.add(mapper.apply(new Row(record)));
        }
        return mapped;
    }

    public void forEach(Consumer<Row> action) {
        for (Record record : result) {
            action.accept(new Row(record));
        }
    }

    public Optional<Row> first() {
        return result.isEmpty() ? Optional.empty() : Optional.of(new Row(result.get(0)));
    }

    public boolean isEmpty() {
        return result.isEmpty();
    }

    /** Where a column is in the result's rows, which all have the same columns. */
    private int indexOf(Record record, String column) {
        Integer index = indexes.get(column);
        if (index == null) {
            index = record.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("The result has no column " + column);
            }
            indexes.put(column, index);
        }
        return index;
    }

    /** One row of the result, its columns found by name or position. */
    public final class Row {
        private final Record record;

        private Row(Record record) {
            this.record = record;
        }

        public <T> T get(int column, Class<T> type) {
            return record.get(column, type);
        }

        public <T> T get(String column, Class<T> type) {
            return record.get(indexOf(record, column), type);
        }

        public Instant instant(String column) {
            return SqlTimes.instant(get(column, OffsetDateTime.class));
        }
    }
}
