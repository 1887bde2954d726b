package dev.mosaic.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.platform.json.Json;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** An {@link ObjectSchema} as stored: {@code {"fields":{"Name":"string",…},"calculated":["ExpectedRevenue"]}}. */
final class SchemaJson {

    private SchemaJson() {
    }

    static String write(ObjectSchema schema) {
        return Json.write(Map.of("fields", new java.util.TreeMap<>(schema.fields()), "calculated",
                schema.calculated().stream().sorted().toList()));
    }

    static ObjectSchema read(String object, String text) {
        JsonNode json = Json.read(text);
        Map<String, String> fields = new LinkedHashMap<>();
        json.path("fields").fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue().asText()));
        Set<String> calculated = new HashSet<>();
        json.path("calculated").forEach(name -> calculated.add(name.asText()));
        return new ObjectSchema(object, fields, calculated);
    }
}
