package dev.mosaic.salesforce.emulator.org.write;

import dev.mosaic.salesforce.emulator.org.SalesforceError;
import dev.mosaic.salesforce.emulator.org.schema.FieldDef;
import dev.mosaic.salesforce.emulator.org.schema.FieldType;
import dev.mosaic.salesforce.emulator.org.schema.ObjectDef;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;
import dev.mosaic.salesforce.emulator.org.store.SalesforceIds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Converts JSON field values from a create or update into stored values, failing as Salesforce fails. */
final class FieldInputs {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final DateTimeFormatter DATETIME_IN = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private final RecordStore store;

    FieldInputs(RecordStore store) {
        this.store = store;
    }

    Object convert(ObjectDef object, FieldDef field, Object json) {
        if (json == null) {
            return null;
        }
        FieldType type = field.type();
        if (field.storage() == FieldType.Storage.REF) {
            return reference(field, json);
        }
        switch (type.storage()) {
            case TEXT, REF -> {
                if (json instanceof java.util.Map || json instanceof List) {
                    throw parserError("String", json);
                }
                String s = json instanceof BigDecimal bd ? bd.toPlainString() : json.toString();
                if (field.length() > 0 && s.length() > field.length()) {
                    throw new SalesforceError(400, "STRING_TOO_LONG", field.label() + ": data value too large: "
                            + s + " (max length=" + field.length() + ")", List.of(field.name()));
                }
                if (type == FieldType.EMAIL && !s.isEmpty() && !EMAIL.matcher(s).matches()) {
                    throw new SalesforceError(400, "INVALID_EMAIL_ADDRESS", field.label() + ": invalid email address: "
                            + s, List.of(field.name()));
                }
                return s.isEmpty() ? null : s;
            }
            case BOOLEAN -> {
                if (json instanceof Boolean b) {
                    return b;
                }
                if (json instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                    return Boolean.parseBoolean(s.toLowerCase(Locale.ROOT));
                }
                throw parserError("boolean", json);
            }
            case LONG -> {
                if (type == FieldType.DATE) {
                    if (json instanceof String s) {
                        try {
                            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s).toEpochDay();
                        } catch (RuntimeException e) {
                            throw parserError("date", json);
                        }
                    }
                    throw parserError("date", json);
                }
                if (type == FieldType.DATETIME) {
                    if (json instanceof String s) {
                        try {
                            return OffsetDateTime.parse(s, DATETIME_IN).toInstant().toEpochMilli();
                        } catch (RuntimeException e) {
                            try {
                                return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
                            } catch (RuntimeException e2) {
                                throw parserError("datetime", json);
                            }
                        }
                    }
                    throw parserError("datetime", json);
                }
                BigDecimal n = number(json, "int");
                long value;
                try {
                    value = n.longValueExact();
                } catch (ArithmeticException e) {
                    throw parserError("int", json);
                }
                if (type == FieldType.INT && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
                    throw new SalesforceError(400, "NUMBER_OUTSIDE_VALID_RANGE", field.label()
                            + ": value outside of valid range on numeric field: " + json, List.of(field.name()));
                }
                return value;
            }
            case DOUBLE -> {
                double d = number(json, "double").doubleValue();
                if (Double.isInfinite(d)) {
                    throw parserError("double", json);
                }
                return d;
            }
            default -> throw parserError(type.apiName(), json);
        }
    }

    /** A JSON number (1e400 arrives as an infinite Double) or numeric string as a finite BigDecimal. */
    private BigDecimal number(Object json, String typeName) {
        if (json instanceof Number || json instanceof String) {
            try {
                return new BigDecimal(json.toString().trim());
            } catch (NumberFormatException e) {
                throw parserError(typeName, json);
            }
        }
        throw parserError(typeName, json);
    }

    private Object reference(FieldDef field, Object json) {
        if (!(json instanceof String id) || id.isEmpty()) {
            if (json instanceof String) {
                return null;
            }
            throw parserError("id", json);
        }
        if (SalesforceIds.canonical15(id) == null) {
            throw new SalesforceError(400, "MALFORMED_ID", field.label() + ": id value of incorrect type: " + id,
                    List.of(field.name()));
        }
        if (field.type() == FieldType.ID) {
            return id;
        }
        long key = store.keyOf(id);
        if (key == RecordStore.NO_KEY || !field.referenceTo().contains(store.tableOf(key).def().name())) {
            throw new SalesforceError(400, "FIELD_INTEGRITY_EXCEPTION", field.label() + ": id value of incorrect type: "
                    + id, List.of(field.name()));
        }
        if (!store.exists(key)) {
            throw new SalesforceError(400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id",
                    List.of(field.name()));
        }
        if (store.tableOf(key).isDeleted(RecordStore.rowOf(key))) {
            throw new SalesforceError(400, "ENTITY_IS_DELETED", "entity is deleted", List.of(field.name()));
        }
        return key;
    }

    private static SalesforceError parserError(String type, Object json) {
        String token = json instanceof String ? "VALUE_STRING" : json instanceof Boolean ? "VALUE_" + json.toString()
                .toUpperCase(Locale.ROOT) : json instanceof Number ? (json instanceof Double || json instanceof BigDecimal
                ? "VALUE_NUMBER_FLOAT" : "VALUE_NUMBER_INT") : json instanceof List ? "START_ARRAY" : "START_OBJECT";
        return new SalesforceError(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of " + type + " from "
                + token + " value " + json + " or request may be missing a required field");
    }
}
