package dev.mosaic.platform.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mosaic.platform.crypto.Hashes;

/**
 * JSON for what Mosaic stores in {@code json} and {@code jsonb} columns. Keys are written sorted, so equal content gives
 * equal text and equal hashes (idempotent ingest depends on that).
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .findAndAddModules()
            .build();

    private Json() {
    }

    public static String write(Object value) {
        try {
            return new CanonicalJsonWriter(MAPPER).write(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write as JSON: " + value.getClass().getName(), e);
        }
    }

    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is unreadable", e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** SHA-256 of the canonical JSON of a value, hex-encoded. */
    public static String hash(Object value) {
        return Hashes.sha256Hex(write(value));
    }
}
