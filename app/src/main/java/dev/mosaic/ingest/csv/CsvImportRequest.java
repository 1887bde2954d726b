package dev.mosaic.ingest.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.ingest.IngestService;
import dev.mosaic.platform.text.StorableText;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the caller asked of one CSV import, checked before any of the file is read.
 *
 * @param mapping the user's {@code {"CSV header":"mosaicField"}}, or null to recognize headers by name
 */
public record CsvImportRequest(ImportType type, String source, Map<String, String> mapping, boolean dryRun) {

    public static final String DEFAULT_SOURCE = "csv";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the request's form fields or query parameters as sent (null when absent). */
    public static CsvImportRequest fromParameters(String type, String source, String mapping, String dryRun) {
        ImportType importType = parseType(type);
        Map<String, String> parsedMapping = parseMapping(mapping);
        if (parsedMapping != null) {
            ColumnMapping.requireKnownFields(importType, parsedMapping);
        }
        return new CsvImportRequest(importType, parseSource(source), parsedMapping, parseDryRun(dryRun));
    }

    private static ImportType parseType(String type) {
        if (type == null || type.isBlank()) {
            throw new InvalidImportException("type", "Say what the file holds: type=organizations or type=contacts.");
        }
        return ImportType.fromBatchKey(type).orElseThrow(() -> new InvalidImportException("type",
                "Unknown type '" + StorableText.excerpt(type) + "': use organizations or contacts."));
    }

    private static String parseSource(String source) {
        if (source == null || source.isBlank()) {
            return DEFAULT_SOURCE;
        }
        // Ingest owns the rule (names, and the reserved "salesforce" and "mosaic"); checked here so that a
        // bad source is refused before the file is read, and named as the field at fault.
        try {
            IngestService.requireValidSource(source);
        } catch (IllegalArgumentException e) {
            throw new InvalidImportException("source", e.getMessage());
        }
        return source;
    }

    private static boolean parseDryRun(String dryRun) {
        if (dryRun == null || dryRun.isBlank()) {
            return false;
        }
        return switch (dryRun.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidImportException("dryRun", "dryRun must be true or false, not '" + StorableText.excerpt(dryRun) + "'.");
        };
    }

    private static Map<String, String> parseMapping(String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return null;
        }
        JsonNode json;
        try {
            json = JSON.readTree(mapping);
        } catch (JsonProcessingException e) {
            throw notAnObjectOfNames();
        }
        if (json == null || !json.isObject()) {
            throw notAnObjectOfNames();
        }
        Map<String, String> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
            JsonNode field = entry.getValue();
            if (!field.isTextual() && !field.isNull()) {
                throw notAnObjectOfNames();
            }
            parsed.put(entry.getKey(), field.isNull() ? "" : field.asText().trim());
        }
        return Collections.unmodifiableMap(parsed);
    }

    private static InvalidImportException notAnObjectOfNames() {
        return new InvalidImportException("mapping", "The mapping must be a JSON object of CSV header to Mosaic"
                + " field, like {\"E-Mail\":\"email\",\"Notes\":\"\"}.");
    }
}
