package dev.mosaic.salesforce.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.salesforce.emulator.org.SalesforceError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** One shared Jackson mapper; request bodies that are not JSON fail the way Salesforce reports it. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON object body; Salesforce answers malformed JSON with 400 JSON_PARSER_ERROR. */
    public static Map<String, Object> readObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw new SalesforceError(400, "JSON_PARSER_ERROR", "The request body is empty.");
        }
        try {
            Object value = MAPPER.readValue(body, Object.class);
            if (!(value instanceof Map)) {
                throw new SalesforceError(400, "JSON_PARSER_ERROR",
                        "Cannot deserialize instance of object from a JSON value that is not an object");
            }
            return MAPPER.convertValue(value, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            String message = e.getMessage() == null ? "Malformed JSON" : e.getMessage().split("\n")[0];
            throw new SalesforceError(400, "JSON_PARSER_ERROR", message);
        }
    }
}
