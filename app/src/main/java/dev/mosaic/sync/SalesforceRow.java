package dev.mosaic.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One Salesforce record as the sync reads it, whether it came as Bulk CSV or REST JSON: values typed by the
 * object's describe, so the same record read either way is the same row (and the graph sees no change).
 * Blank and null are both absent. A value that does not parse as its type is kept as text and reported by
 * {@link #problems()}, so the mapping can quarantine the record instead of guessing.
 */
public final class SalesforceRow {

    /** Salesforce writes {@code 2026-01-31T10:00:00.000+0000} in JSON and {@code …000Z} in CSV. */
    private static final DateTimeFormatter SALESFORCE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX");

    private final String object;
    private final Map<String, Object> values;
    private final Map<String, String> problems;
    private final Map<String, ?> raw;

    private SalesforceRow(String object, Map<String, Object> values, Map<String, String> problems, Map<String, ?> raw) {
        this.object = object;
        this.values = values;
        this.problems = problems;
        this.raw = raw;
    }

    /** A Bulk API CSV row: every value is text. */
    public static SalesforceRow fromCsv(ObjectSchema schema, Map<String, String> csv) {
        Map<String, Object> values = new HashMap<>();
        Map<String, String> problems = new HashMap<>();
        csv.forEach((field, text) -> {
            if (text != null && !text.isEmpty()) {
                put(schema, field, text, values, problems);
            }
        });
        return new SalesforceRow(schema.object(), values, problems, csv);
    }

    /** A REST API record: {@code attributes} and related objects are left out. */
    public static SalesforceRow fromJson(ObjectSchema schema, JsonNode record) {
        Map<String, Object> values = new HashMap<>();
        Map<String, String> problems = new HashMap<>();
        Map<String, Object> raw = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode node = field.getValue();
            if (node.isValueNode() && !node.isNull()) {
                String text = node.asText();
                raw.put(field.getKey(), text);
                if (!text.isEmpty()) {
                    put(schema, field.getKey(), text, values, problems);
                }
            }
        }
        return new SalesforceRow(schema.object(), values, problems, raw);
    }

    public String object() {
        return object;
    }

    public String id() {
        return text("Id");
    }

    public boolean isDeleted() {
        return Boolean.TRUE.equals(values.get("IsDeleted"));
    }

    public Instant systemModstamp() {
        return values.get("SystemModstamp") instanceof Instant stamp ? stamp : null;
    }

    public String text(String field) {
        Object value = values.get(field);
        return value == null ? null : value.toString();
    }

    public Object value(String field) {
        return values.get(field);
    }

    public boolean has(String field) {
        return values.containsKey(field);
    }

    public Map<String, Object> values() {
        return values;
    }

    /** Field → why its value did not parse as its describe type. */
    public Map<String, String> problems() {
        return problems;
    }

    /** What Salesforce sent, as text: kept with a quarantined record. */
    public Map<String, ?> raw() {
        return raw;
    }

    private static void put(ObjectSchema schema, String field, String text, Map<String, Object> values,
                            Map<String, String> problems) {
        String type = schema.type(field);
        try {
            values.put(field, typed(type == null ? "string" : type, text));
        } catch (NumberFormatException | DateTimeParseException e) {
            values.put(field, text);
            problems.put(field, "'" + text + "' is not a " + type);
        }
    }

    private static Object typed(String type, String text) {
        return switch (type) {
            case "boolean" -> Boolean.parseBoolean(text);
            case "int", "double", "currency", "percent" -> canonical(new BigDecimal(text));
            case "datetime" -> OffsetDateTime.parse(text, SALESFORCE_TIME).toInstant();
            default -> text;
        };
    }

    /** {@code 5000}, {@code 5000.0} and {@code 5.0E3} are one number. */
    private static BigDecimal canonical(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
