package dev.mosaic.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of one object that the sync reads, from its describe: every field the connected user can read
 * (describe lists no other), custom ones too, except compound {@code address}/{@code location} fields (their
 * parts are read instead, and Bulk refuses them) and {@code base64} bodies.
 *
 * @param fields     field name → describe type ({@code "string"}, {@code "datetime"}, …), in describe order
 * @param calculated formula and roll-up fields: recalculation does not move {@code SystemModstamp}
 */
public record ObjectSchema(String object, Map<String, String> fields, Set<String> calculated) {

    private static final Set<String> UNREAD_TYPES = Set.of("address", "location", "base64");

    public ObjectSchema {
        fields = Map.copyOf(fields);
        calculated = Set.copyOf(calculated);
    }

    public static ObjectSchema fromDescribe(String object, JsonNode describe) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> calculated = new ArrayList<>();
        for (JsonNode field : describe.path("fields")) {
            String type = field.path("type").asText();
            if (UNREAD_TYPES.contains(type)) {
                continue;
            }
            String name = field.path("name").asText();
            fields.put(name, type);
            if (field.path("calculated").asBoolean(false)) {
                calculated.add(name);
            }
        }
        return new ObjectSchema(object, fields, Set.copyOf(calculated));
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The field names in a stable order (sorted), for SOQL: the same schema always gives the same query. */
    public List<String> fieldList() {
        return fields.keySet().stream().sorted().toList();
    }

    public String type(String field) {
        return fields.get(field);
    }
}
