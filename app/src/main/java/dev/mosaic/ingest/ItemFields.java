package dev.mosaic.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.identity.MatchingKeys;
import dev.mosaic.platform.text.FieldNames;
import dev.mosaic.platform.text.StorableNumber;
import dev.mosaic.platform.text.StorableText;
import dev.mosaic.platform.text.StorableTime;
import dev.mosaic.platform.time.IsoInstants;
import java.math.BigDecimal;
import java.time.Duration;
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
 * bad field ends the item with an {@link InvalidItemException} that names it. Every rule lives in one
 * method below ({@code check…}), so what a source may send is written down once:
 * <ul>
 *   <li>an item has at most {@value #MAX_FIELDS} fields, each named as {@link FieldNames} allows;</li>
 *   <li>its names and values together are at most {@value #MAX_ITEM_CHARS} characters;</li>
 *   <li>text is at most {@link StorableText#MAX_VALUE_LENGTH} characters with no NUL and no lone surrogate;</li>
 *   <li>an externalId, or a reference to one, is 1 to {@value #MAX_ID_LENGTH} such characters;</li>
 *   <li>a list of references has at most {@value #MAX_REFERENCES} entries;</li>
 *   <li>numbers, times and dates are ones PostgreSQL holds ({@link StorableNumber}, {@link StorableTime});</li>
 *   <li>{@code updatedAt}, when the source last changed the item, is at most {@link #CLOCK_SKEW} past now.</li>
 * </ul>
 */
final class ItemFields {

    static final int MAX_FIELDS = 200;
    static final int MAX_ITEM_CHARS = 256 * 1024;
    /** The parts of an address, in the order they are kept. */
    static final List<String> ADDRESS_PARTS = List.of("street", "city", "postalCode", "state", "country");
    static final int MAX_ID_LENGTH = 255;
    static final int MAX_REFERENCES = 1_000;
    /**
     * How far a source's clock may run ahead of ours. A later {@code updatedAt} is refused: it would win over
     * every honest update until that time came.
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final JsonNode item;
    private final Instant receivedAt;
    private final Map<String, Object> values = new LinkedHashMap<>();

    ItemFields(JsonNode item, Instant receivedAt) {
        if (item == null || !item.isObject()) {
            throw new InvalidItemException("", "each item must be a JSON object");
        }
        this.item = item;
        this.receivedAt = receivedAt;
        checkFieldCount();
        item.fieldNames().forEachRemaining(name -> checkFieldName(name, StorableText.excerpt(name)));
        checkItemSize();
    }

    String externalId() {
        return checkId("externalId", item.get("externalId"))
                .orElseThrow(() -> new InvalidItemException("externalId", "externalId is required: the item's id in its source system"));
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
        String text = checkText(field, node.asText()).trim();
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
                .orElseThrow(() -> new InvalidItemException(field, "'" + StorableText.excerpt(String.valueOf(raw)) + "' is not an email address"))));
        return this;
    }

    ItemFields keepPhone(String field) {
        text(field).ifPresent(raw -> {
            if (raw.chars().filter(Character::isDigit).count() < 5) {
                throw new InvalidItemException(field, "'" + StorableText.excerpt(String.valueOf(raw)) + "' is not a phone number");
            }
            values.put(field, raw);
        });
        return this;
    }

    ItemFields keepDomain(String field) {
        text(field).ifPresent(raw -> values.put(field, MatchingKeys.registrableDomain(raw).map(valid -> raw)
                .orElseThrow(() -> new InvalidItemException(field, "'" + StorableText.excerpt(String.valueOf(raw)) + "' is not an internet domain"))));
        return this;
    }

    /** A number, sent as a JSON number or as text ({@code "12.50"}), so no digit is lost on the way. */
    ItemFields keepDecimal(String field) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            return this;
        }
        BigDecimal number;
        if (node.isNumber()) {
            checkNumber(field, node.numberValue());
            number = node.decimalValue();
        } else {
            String raw = text(field).orElseThrow(() -> new InvalidItemException(field, field + " must be a number, not ''"));
            StorableNumber.problemOfText(raw).ifPresent(problem -> {
                throw new InvalidItemException(field, field + " " + problem);
            });
            try {
                number = new BigDecimal(raw);
            } catch (NumberFormatException e) {
                throw new InvalidItemException(field, field + " must be a number, not '" + StorableText.excerpt(String.valueOf(raw)) + "'");
            }
            checkNumber(field, number);
        }
        values.put(field, number);
        return this;
    }

    ItemFields keepDate(String field) {
        text(field).ifPresent(raw -> {
            LocalDate date;
            try {
                date = LocalDate.parse(raw);
            } catch (DateTimeParseException e) {
                throw new InvalidItemException(field, field + " must be a date like 2026-12-31, not '" + StorableText.excerpt(String.valueOf(raw)) + "'");
            }
            values.put(field, checkDate(field, date).toString());
        });
        return this;
    }

    /**
     * A postal address as one value, {@code {"street","city","postalCode","state","country"}}, each part text: kept
     * whole, so the address shown never mixes one source's street with another's city. Empty parts are left out.
     */
    ItemFields keepAddress(String field) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            return this;
        }
        if (!node.isObject()) {
            throw new InvalidItemException(field, field + " must be an object with " + ADDRESS_PARTS);
        }
        Map<String, Object> address = new LinkedHashMap<>();
        node.fieldNames().forEachRemaining(part -> {
            if (!ADDRESS_PARTS.contains(part)) {
                throw new InvalidItemException(field + "." + StorableText.excerpt(part), "an address has only "
                        + ADDRESS_PARTS);
            }
        });
        for (String part : ADDRESS_PARTS) {
            JsonNode value = node.get(part);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isValueNode() || value.isBinary()) {
                throw new InvalidItemException(field + "." + part, field + "." + part + " must be text");
            }
            String text = checkText(field + "." + part, value.asText()).trim();
            if (!text.isEmpty()) {
                address.put(part, text);
            }
        }
        if (!address.isEmpty()) {
            values.put(field, address);
        }
        return this;
    }

    /** A time the item is about, such as when a meeting takes place: past or future, within a sane range. */
    Optional<Instant> instant(String field) {
        return text(field).map(raw -> {
            Instant time;
            try {
                time = IsoInstants.parse(raw);
            } catch (DateTimeParseException e) {
                throw new InvalidItemException(field, field + " must be a UTC time like 2026-11-01T10:00:00Z, not '" + StorableText.excerpt(String.valueOf(raw)) + "'");
            }
            return checkTime(field, time);
        });
    }

    /** When the source observed the item (its last change there): never meaningfully later than now. */
    Optional<Instant> observedAt(String field) {
        return instant(field).map(time -> checkNotInTheFuture(field, time));
    }

    ItemFields keepInstant(String field) {
        instant(field).ifPresent(value -> values.put(field, IsoInstants.format(value)));
        return this;
    }

    ItemFields keepChoice(String field, Set<String> allowed) {
        text(field).ifPresent(raw -> {
            String value = raw.toLowerCase(Locale.ROOT);
            if (!allowed.contains(value)) {
                throw new InvalidItemException(field, field + " must be one of " + allowed + ", not '" + StorableText.excerpt(String.valueOf(raw)) + "'");
            }
            values.put(field, value);
        });
        return this;
    }

    /** Other plain values the source sent: kept as they are, so nothing a source says is dropped silently. */
    ItemFields keepOtherScalars(Set<String> handled) {
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = entry.getKey();
            JsonNode node = entry.getValue();
            if (handled.contains(field) || values.containsKey(field) || !node.isValueNode() || node.isNull()) {
                continue;
            }
            if (node.isNumber()) {
                values.put(field, checkNumber(field, node.numberValue()));
            } else if (node.isBoolean()) {
                values.put(field, node.booleanValue());
            } else if (!checkText(field, node.asText()).isBlank()) {
                values.put(field, node.asText());
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

    /** A field holding one externalId of another item. */
    Optional<String> reference(String field) {
        return checkId(field, item.get(field));
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
        if (node.size() > MAX_REFERENCES) {
            throw new InvalidItemException(field, field + " lists " + node.size() + " references; at most "
                    + MAX_REFERENCES + " are allowed");
        }
        for (JsonNode element : node) {
            JsonNode id = element.isObject() ? element.get("externalId") : element;
            String externalId = checkId(field, id).orElseThrow(() -> new InvalidItemException(field,
                    field + " entries must be externalIds or {\"externalId\":…}"));
            refs.add(Map.entry(externalId, element.isObject() ? attributes(field, element) : Map.of()));
        }
        return refs;
    }

    Map<String, Object> values() {
        return values;
    }

    private Map<String, Object> attributes(String field, JsonNode reference) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        reference.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("externalId") && e.getValue().isValueNode()) {
                checkFieldName(e.getKey(), field);
                attributes.put(e.getKey(), e.getValue().isBoolean() ? e.getValue().booleanValue()
                        : checkText(field, e.getValue().asText()));
            }
        });
        return attributes;
    }

    // The rules, one method each.

    private void checkFieldCount() {
        if (item.size() > MAX_FIELDS) {
            String firstTooMany = "";
            Iterator<String> names = item.fieldNames();
            for (int i = 0; i <= MAX_FIELDS; i++) {
                firstTooMany = names.next();
            }
            throw new InvalidItemException(StorableText.excerpt(firstTooMany), "the item has " + item.size()
                    + " fields; an item has at most " + MAX_FIELDS + " fields");
        }
    }

    /** {@code reportAs}: the field a rejection names, the bad name itself (shown safely) or the field holding it. */
    private static void checkFieldName(String name, String reportAs) {
        FieldNames.problem(name).ifPresent(problem -> {
            throw new InvalidItemException(reportAs, "the field name '" + StorableText.excerpt(name) + "' " + problem);
        });
    }

    /** Counts names and values (nested ones too) and stops counting once past the limit. */
    private void checkItemSize() {
        long total = 0;
        String largest = "";
        long largestSize = -1;
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            long size = field.getKey().length() + size(field.getValue(), MAX_ITEM_CHARS);
            total += size;
            if (size > largestSize) {
                largest = field.getKey();
                largestSize = size;
            }
        }
        if (total > MAX_ITEM_CHARS) {
            throw new InvalidItemException(largest, "the item's names and values are more than " + MAX_ITEM_CHARS
                    + " characters; its largest field is '" + largest + "' (" + largestSize
                    + " characters). Send less, or long text elsewhere");
        }
    }

    private static long size(JsonNode node, long limit) {
        if (node.isValueNode()) {
            return node.isTextual() ? node.textValue().length() : node.asText().length();
        }
        long total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext() && total <= limit; ) {
            Map.Entry<String, JsonNode> child = it.next();
            total += child.getKey().length() + size(child.getValue(), limit);
        }
        if (node.isArray()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext() && total <= limit; ) {
                total += size(it.next(), limit);
            }
        }
        return total;
    }

    private static Instant checkTime(String field, Instant time) {
        StorableTime.problem(time).ifPresent(problem -> {
            throw new InvalidItemException(field, field + " " + problem);
        });
        return time;
    }

    private static LocalDate checkDate(String field, LocalDate date) {
        StorableTime.problem(date).ifPresent(problem -> {
            throw new InvalidItemException(field, field + " " + problem);
        });
        return date;
    }

    private Instant checkNotInTheFuture(String field, Instant time) {
        if (time.isAfter(receivedAt.plus(CLOCK_SKEW))) {
            throw new InvalidItemException(field, field + " " + time + " is later than now (" + receivedAt
                    + ") plus " + CLOCK_SKEW.toMinutes() + " minutes of clock skew; send the time the source"
                    + " last changed the item, which cannot lie in the future");
        }
        return time;
    }

    private static String checkText(String field, String text) {
        StorableText.problem(text, StorableText.MAX_VALUE_LENGTH).ifPresent(problem -> {
            throw new InvalidItemException(field, field + " " + problem);
        });
        return text;
    }

    private static Number checkNumber(String field, Number number) {
        StorableNumber.problem(number).ifPresent(problem -> {
            throw new InvalidItemException(field, field + " " + problem);
        });
        return number;
    }

    /**
     * An externalId: text or a whole number of at most {@value #MAX_ID_LENGTH} characters. Blank is the same
     * as absent; each caller says whether absent is allowed.
     */
    private static Optional<String> checkId(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() && !node.isIntegralNumber()) {
            throw new InvalidItemException(field, field + " must hold externalIds: text or whole numbers");
        }
        String id = node.asText();
        StorableText.problem(id, MAX_ID_LENGTH).ifPresent(problem -> {
            throw new InvalidItemException(field, field + " " + problem);
        });
        return id.isBlank() ? Optional.empty() : Optional.of(id.trim());
    }
}
