package dev.mosaic.salesforce.emulator.org.store;

import dev.mosaic.salesforce.emulator.org.schema.FieldDef;
import dev.mosaic.salesforce.emulator.org.schema.FieldType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Turns stored values into what Salesforce sends: REST JSON values and Bulk CSV cells. */
public final class ValueFormat {
    private static final DateTimeFormatter REST_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CSV_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ValueFormat() {
    }

    /** {@code 2024-01-15T10:20:30.000+0000}. */
    public static String restDateTime(long millis) {
        return REST_DATETIME.format(Instant.ofEpochMilli(millis));
    }

    public static String restDateTime(Instant instant) {
        return REST_DATETIME.format(instant);
    }

    /** A JSON value: id strings, ISO dates, numbers as numbers, booleans. */
    public static Object rest(RecordStore store, FieldDef field, Object value) {
        if (value == null) {
            return null;
        }
        FieldType type = field.type();
        if (field.storage() == FieldType.Storage.REF) {
            return store.idOf((Long) value);
        }
        return switch (type) {
            case DATETIME -> restDateTime((Long) value);
            case DATE -> LocalDate.ofEpochDay((Long) value).toString();
            case INT -> Math.toIntExact((Long) value);
            default -> value;
        };
    }

    /** A Bulk CSV cell: empty for null, {@code …000Z} datetimes, plain decimals. */
    public static String csv(RecordStore store, FieldDef field, Object value) {
        if (value == null) {
            return "";
        }
        if (field.storage() == FieldType.Storage.REF) {
            return store.idOf((Long) value);
        }
        return switch (field.type()) {
            case DATETIME -> CSV_DATETIME.format(Instant.ofEpochMilli((Long) value));
            case DATE -> LocalDate.ofEpochDay((Long) value).toString();
            case DOUBLE, CURRENCY, PERCENT -> plainNumber((Double) value);
            default -> value.toString();
        };
    }

    private static String plainNumber(double d) {
        String s = BigDecimal.valueOf(d).toPlainString();
        return s.indexOf('.') < 0 ? s + ".0" : s;
    }
}
