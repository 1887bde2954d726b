package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.schema.FieldDef;
import dev.mosaic.salesforce.emulator.org.schema.FieldType;
import dev.mosaic.salesforce.emulator.org.soql.SoqlStatement.Literal;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;
import dev.mosaic.salesforce.emulator.org.store.SalesforceIds;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * Converts WHERE literals to the stored form of the field they are compared with, refusing the
 * combinations Salesforce refuses with its own wording.
 */
final class LiteralValues {
    private static final DateTimeFormatter SOQL_DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter SOQL_DATETIME_COMPACT_OFFSET = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HHMM", "Z")
            .toFormatter(Locale.ROOT);

    private final String soql;
    private final RecordStore store;
    private final long nowMillis;

    LiteralValues(String soql, RecordStore store, long nowMillis) {
        this.soql = soql;
        this.store = store;
        this.nowMillis = nowMillis;
    }

    /** A [from, to) range for date literals such as TODAY or LAST_N_DAYS:7, in the field's units; else null. */
    long[] range(FieldDef field, Literal literal) {
        if (literal.kind() != Token.Kind.IDENT || literal.isNull() || isBoolean(literal)) {
            return null;
        }
        FieldType type = field.type();
        if (type != FieldType.DATE && type != FieldType.DATETIME) {
            throw typeMismatch(field, literal);
        }
        LocalDate today = LocalDate.ofEpochDay(Math.floorDiv(nowMillis, 86_400_000L));
        String name = literal.text().toUpperCase(Locale.ROOT);
        Integer n = literal.n();
        LocalDate from;
        LocalDate to;
        switch (name) {
            case "TODAY" -> { from = today; to = today.plusDays(1); }
            case "YESTERDAY" -> { from = today.minusDays(1); to = today; }
            case "TOMORROW" -> { from = today.plusDays(1); to = today.plusDays(2); }
            case "LAST_WEEK" -> { from = weekStart(today).minusWeeks(1); to = weekStart(today); }
            case "THIS_WEEK" -> { from = weekStart(today); to = from.plusWeeks(1); }
            case "NEXT_WEEK" -> { from = weekStart(today).plusWeeks(1); to = from.plusWeeks(1); }
            case "LAST_MONTH" -> { to = today.withDayOfMonth(1); from = to.minusMonths(1); }
            case "THIS_MONTH" -> { from = today.withDayOfMonth(1); to = from.plusMonths(1); }
            case "NEXT_MONTH" -> { from = today.withDayOfMonth(1).plusMonths(1); to = from.plusMonths(1); }
            case "LAST_90_DAYS" -> { from = today.minusDays(90); to = today.plusDays(1); }
            case "NEXT_90_DAYS" -> { from = today.plusDays(1); to = from.plusDays(90); }
            case "THIS_YEAR" -> { from = today.withDayOfYear(1); to = from.plusYears(1); }
            case "LAST_YEAR" -> { to = today.withDayOfYear(1); from = to.minusYears(1); }
            case "NEXT_YEAR" -> { from = today.withDayOfYear(1).plusYears(1); to = from.plusYears(1); }
            case "LAST_N_DAYS" -> { requireN(literal); from = today.minusDays(n); to = today.plusDays(1); }
            case "NEXT_N_DAYS" -> { requireN(literal); from = today.plusDays(1); to = from.plusDays(n); }
            case "N_DAYS_AGO" -> { requireN(literal); from = today.minusDays(n); to = from.plusDays(1); }
            case "LAST_N_WEEKS" -> { requireN(literal); to = weekStart(today); from = to.minusWeeks(n); }
            case "NEXT_N_WEEKS" -> { requireN(literal); from = weekStart(today).plusWeeks(1); to = from.plusWeeks(n); }
            case "LAST_N_MONTHS" -> { requireN(literal); to = today.withDayOfMonth(1); from = to.minusMonths(n); }
            case "NEXT_N_MONTHS" -> { requireN(literal); from = today.withDayOfMonth(1).plusMonths(1);
                to = from.plusMonths(n); }
            default -> throw SoqlErrors.malformed(soql, literal.offset(), "unexpected token: '" + literal.text() + "'");
        }
        if (type == FieldType.DATE) {
            return new long[] {from.toEpochDay(), to.toEpochDay()};
        }
        return new long[] {from.toEpochDay() * 86_400_000L, to.toEpochDay() * 86_400_000L};
    }

    private void requireN(Literal literal) {
        if (literal.n() == null) {
            throw SoqlErrors.malformed(soql, literal.offset(), "unexpected token: '" + literal.text() + "'");
        }
    }

    private static LocalDate weekStart(LocalDate day) {
        // Salesforce's default locale (en_US) starts weeks on Sunday.
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
    }

    private static boolean isBoolean(Literal literal) {
        return literal.kind() == Token.Kind.IDENT
                && (literal.text().equalsIgnoreCase("true") || literal.text().equalsIgnoreCase("false"));
    }

    /** The literal in stored form: String, Long, Double, Boolean or a record key (Long); null for NULL. */
    Object convert(FieldDef field, Literal literal) {
        if (literal.isNull()) {
            return null;
        }
        FieldType type = field.type();
        Token.Kind kind = literal.kind();
        if (field.storage() == FieldType.Storage.REF) {
            if (kind != Token.Kind.STRING) {
                throw typeMismatch(field, literal);
            }
            long key = store.keyOf(literal.text());
            if (key == RecordStore.NO_KEY) {
                if (SalesforceIds.canonical15(literal.text()) == null) {
                    throw SoqlErrors.invalidFilterOperator(soql, literal.offset(), "invalid ID field: " + literal.text());
                }
                // Id-shaped but of an object we do not model: matches nothing.
                return Long.MIN_VALUE;
            }
            return key;
        }
        switch (type.storage()) {
            case TEXT, REF -> {
                if (kind != Token.Kind.STRING) {
                    throw typeMismatch(field, literal);
                }
                // Salesforce stores empty text as null, so '' matches what null matches.
                return literal.text().isEmpty() ? null : literal.text();
            }
            case BOOLEAN -> {
                if (!isBoolean(literal)) {
                    throw typeMismatch(field, literal);
                }
                return Boolean.parseBoolean(literal.text().toLowerCase(Locale.ROOT));
            }
            case LONG -> {
                if (type == FieldType.DATE) {
                    if (kind != Token.Kind.DATE) {
                        throw typeMismatch(field, literal);
                    }
                    return LocalDate.parse(literal.text()).toEpochDay();
                }
                if (type == FieldType.DATETIME) {
                    if (kind != Token.Kind.DATETIME) {
                        throw typeMismatch(field, literal);
                    }
                    return parseDateTime(literal);
                }
                if (kind != Token.Kind.NUMBER) {
                    throw typeMismatch(field, literal);
                }
                return Double.parseDouble(literal.text());
            }
            case DOUBLE -> {
                if (kind != Token.Kind.NUMBER) {
                    throw typeMismatch(field, literal);
                }
                return Double.parseDouble(literal.text());
            }
            default -> throw typeMismatch(field, literal);
        }
    }

    private long parseDateTime(Literal literal) {
        String text = literal.text();
        try {
            DateTimeFormatter f = text.matches(".*[+-]\\d{4}$") ? SOQL_DATETIME_COMPACT_OFFSET : SOQL_DATETIME;
            return OffsetDateTime.parse(text, f).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            throw SoqlErrors.malformed(soql, literal.offset(), "line 1:" + literal.offset() + " no viable alternative at character '"
                    + text + "'");
        }
    }

    private RuntimeException typeMismatch(FieldDef field, Literal literal) {
        String expected = switch (field.type()) {
            case INT -> "integer";
            case DOUBLE, CURRENCY, PERCENT -> "double";
            case DATE -> "date";
            case DATETIME -> "dateTime";
            case BOOLEAN -> "boolean";
            case ID, REFERENCE -> "id";
            default -> "string";
        };
        boolean quoted = field.type().isText() || field.storage() == FieldType.Storage.REF
                || field.storage() == FieldType.Storage.TEXT;
        String reason = "value of filter criterion for field '" + field.name() + "' must be of type " + expected
                + " and should " + (quoted ? "" : "not ") + "be enclosed in quotes";
        return SoqlErrors.invalidField(soql, literal.offset(), reason);
    }
}
