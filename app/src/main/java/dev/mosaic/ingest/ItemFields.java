package dev.mosaic.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.identity.MatchingKeys;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one JSON item field by field, checking each value, and collects what the graph stores. The first
 * bad field ends the item with an {@link InvalidItemException} that names it.
 */
final class ItemFields {

    private static final int MAX_TEXT = 10_000;

    private final JsonNode item;
    private final Map<String, Object> values = new LinkedHashMap<>();

    ItemFields(JsonNode item) {
        if (item == null || !item.isObject()) {
            throw new InvalidItemException("", "each item must be a JSON object");
        }
        this.item = item;
    }

    String externalId() {
        JsonNode node = item.get("externalId");
        if (node == null || node.isNull() || !(node.isTextual() || node.isIntegralNumber()) || node.asText().isBlank()) {
            throw new InvalidItemException("externalId", "externalId is required: the item's id in its source system");
        }
        if (node.asText().length() > 255) {
            throw new InvalidItemException("externalId", "externalId is longer than 255 characters");
        }
        return node.asText().trim();
    }

    /** {@code "deleted": true} marks an item its source deleted. */
    boolean deleted() {
        JsonNode node = item.get("deleted");
        if (node != null && !node.isNull() && !node.isBoolean()) {
            throw new InvalidItemException("deleted", "deleted must be true or false");
        }
        return node != null && node.asBoolean(false);
    }

    Optional<String> text(String field) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode() || node.isBinary()) {
            throw new InvalidItemException(field, field + " must be text");
        }
        String text = node.asText().trim();
        if (text.length() > MAX_TEXT) {
            throw new InvalidItemException(field, field + " is longer than " + MAX_TEXT + " characters");
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    ItemFields keepText(String... fields) {
        for (String field : fields) {
            text(field).ifPresent(value -> values.put(field, value));
        }
        return this;
    }

    ItemFields keepEmail(String field) {
        text(field).ifPresent(raw -> values.put(field, MatchingKeys.email(raw)
                .map(valid -> raw)
                .orElseThrow(() -> new InvalidItemException(field, "'" + raw + "' is not an email address"))));
        return this;
    }

    ItemFields keepPhone(String field) {
        text(field).ifPresent(raw -> {
            if (raw.chars().filter(Character::isDigit).count() < 5) {
                throw new InvalidItemException(field, "'" + raw + "' is not a phone number");
            }
            values.put(field, raw);
        });
        return this;
    }

    ItemFields keepDomain(String field) {
        text(field).ifPresent(raw -> values.put(field, MatchingKeys.registrableDomain(raw).map(valid -> raw)
                .orElseThrow(() -> new InvalidItemException(field, "'" + raw + "' is not an internet domain"))));
        return this;
    }

    ItemFields keepDecimal(String field) {
        JsonNode node = item.get(field);
        if (node != null && !node.isNull()) {
            try {
                values.put(field, node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText().trim()));
            } catch (NumberFormatException e) {
                throw new InvalidItemException(field, field + " must be a number, not '" + node.asText() + "'");
            }
        }
        return this;
    }

    ItemFields keepDate(String field) {
        text(field).ifPresent(raw -> {
            try {
                values.put(field, LocalDate.parse(raw).toString());
            } catch (DateTimeParseException e) {
                throw new InvalidItemException(field, field + " must be a date like 2026-12-31, not '" + raw + "'");
            }
        });
        return this;
    }

    Optional<Instant> instant(String field) {
        return text(field).map(raw -> {
            try {
                return Instant.parse(raw);
            } catch (DateTimeParseException e) {
                throw new InvalidItemException(field, field + " must be a UTC time like 2026-11-01T10:00:00Z, not '" + raw + "'");
            }
        });
    }

    ItemFields keepInstant(String field) {
        instant(field).ifPresent(value -> values.put(field, value.toString()));
        return this;
    }

    ItemFields keepChoice(String field, Set<String> allowed) {
        text(field).ifPresent(raw -> {
            String value = raw.toLowerCase(Locale.ROOT);
            if (!allowed.contains(value)) {
                throw new InvalidItemException(field, field + " must be one of " + allowed + ", not '" + raw + "'");
            }
            values.put(field, value);
        });
        return this;
    }

    /** Other plain values the source sent: kept as they are, so nothing a source says is dropped silently. */
    ItemFields keepOtherScalars(Set<String> handled) {
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode node = entry.getValue();
            if (!handled.contains(entry.getKey()) && !values.containsKey(entry.getKey()) && node.isValueNode()
                    && !node.isNull() && !node.asText().isBlank()) {
                values.put(entry.getKey(), node.isNumber() ? node.numberValue() : node.isBoolean() ? node.booleanValue() : node.asText());
            }
        }
        return this;
    }

    void require(String message, String... anyOf) {
        for (String field : anyOf) {
            if (values.containsKey(field)) {
                return;
            }
        }
        throw new InvalidItemException(anyOf[0], message);
    }

    /** A list of references: plain ids, or objects with an {@code externalId} and attributes. */
    List<Map.Entry<String, Map<String, Object>>> references(String field) {
        JsonNode node = item.get(field);
        List<Map.Entry<String, Map<String, Object>>> refs = new ArrayList<>();
        if (node == null || node.isNull()) {
            return refs;
        }
        if (!node.isArray()) {
            throw new InvalidItemException(field, field + " must be a list of externalIds");
        }
        for (JsonNode element : node) {
            if (element.isTextual() || element.isIntegralNumber()) {
                refs.add(Map.entry(element.asText().trim(), Map.of()));
            } else if (element.isObject() && element.hasNonNull("externalId")
                    && (element.get("externalId").isTextual() || element.get("externalId").isIntegralNumber())) {
                Map<String, Object> attributes = new LinkedHashMap<>();
                element.fields().forEachRemaining(e -> {
                    if (!e.getKey().equals("externalId") && e.getValue().isValueNode()) {
                        attributes.put(e.getKey(), e.getValue().isBoolean() ? e.getValue().booleanValue() : e.getValue().asText());
                    }
                });
                refs.add(Map.entry(element.get("externalId").asText().trim(), attributes));
            } else {
                throw new InvalidItemException(field, field + " entries must be externalIds or {\"externalId\":…}");
            }
        }
        return refs;
    }

    Map<String, Object> values() {
        return values;
    }
}
