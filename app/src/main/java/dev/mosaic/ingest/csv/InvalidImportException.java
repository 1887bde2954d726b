package dev.mosaic.ingest.csv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The import request as a whole cannot be done (no file, no header, unknown type, bad mapping): the
 * caller answers 400, naming {@link #field()}. Problems of single rows are never this; they are reported
 * per row and the other rows are imported.
 */
public class InvalidImportException extends RuntimeException {

    private final String field;
    private final Map<String, Object> details;

    public InvalidImportException(String field, String message) {
        this(field, message, Map.of());
    }

    public InvalidImportException(String field, String message, Map<String, Object> moreDetails) {
        super(message);
        this.field = field;
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("field", field);
        all.putAll(moreDetails);
        this.details = Collections.unmodifiableMap(all);
    }

    /** The request field at fault: {@code file}, {@code type}, {@code source}, {@code mapping}, {@code dryRun}. */
    public String field() {
        return field;
    }

    /** {@code field} and anything that helps fix it (the file's columns, the fields a mapping may use). */
    public Map<String, Object> details() {
        return details;
    }
}
