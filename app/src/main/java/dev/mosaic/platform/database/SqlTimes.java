package dev.mosaic.platform.database;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.Record;

/**
 * Instants in and out of plain-SQL queries. jOOQ binds an {@link OffsetDateTime} as text there, so SQL
 * that takes one casts its placeholder: {@code ?::timestamptz}.
 */
public final class SqlTimes {

    private SqlTimes() {
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(Record row, String column) {
        return instant(row.get(column, OffsetDateTime.class));
    }

    public static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
