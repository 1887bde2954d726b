package dev.mosaic.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.platform.json.Json;
import dev.mosaic.platform.time.IsoInstants;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A stored record's fields, read from their stored JSON only when something asks for them. Every round of a sync
 * reads again the records of its lookback, and most come back unchanged: their fingerprint says so, and parsing
 * their fields only to write them back as the same text cost more than reading them.
 */
final class StoredFields extends AbstractMap<String, FieldValue> {

    private final ExternalRef ref;
    private final String json;
    private Map<String, FieldValue> parsed;

    StoredFields(ExternalRef ref, String json) {
        this.ref = ref;
        this.json = json;
    }

    /** The fields as stored. */
    String json() {
        return json;
    }

    @Override
    public Set<Entry<String, FieldValue>> entrySet() {
        if (parsed == null) {
            parsed = parse();
        }
        return parsed.entrySet();
    }

    /** Each field's value alone, as stored in this JSON, in its order: what a page shows of a record. */
    static Map<String, Object> values(String json) {
        Map<String, Object> values = new LinkedHashMap<>();
        Json.read(json).fields().forEachRemaining(entry ->
                values.put(entry.getKey(), Json.mapper().convertValue(entry.getValue().get("v"), Object.class)));
        return values;
    }

    private Map<String, FieldValue> parse() {
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = Json.read(json).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Object value = Json.mapper().convertValue(entry.getValue().get("v"), Object.class);
            fields.put(entry.getKey(), new FieldValue(value, ref, IsoInstants.parse(entry.getValue().get("at").asText())));
        }
        return Collections.unmodifiableMap(fields);
    }
}
