package dev.mosaic.ingest.csv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which CSV column feeds which Mosaic field: the user's explicit mapping, or one recognized from the
 * headers. Each field is fed by at most one column; columns that feed nothing are ignored and reported.
 */
final class ColumnMapping {

    /** A column of the file (0-based {@code index}) and the field it feeds. */
    record Column(int index, String header, String field) {
    }

    private final List<Column> columns;
    private final List<String> ignoredHeaders;

    private ColumnMapping(List<Column> columns, List<String> ignoredHeaders) {
        this.columns = List.copyOf(columns);
        this.ignoredHeaders = List.copyOf(ignoredHeaders);
    }

    /**
     * The mapping an import of this file uses: the user's {@code requested} one, or when that is null the
     * one recognized from the headers. Fails with {@link InvalidImportException} when it feeds no field.
     */
    static ColumnMapping forFile(ImportType type, List<String> header, Map<String, String> requested) {
        ColumnMapping mapping = requested == null ? automatic(type, header) : explicit(type, header, requested);
        mapping.requireSomeColumn(type, header);
        return mapping;
    }

    /** Recognizes headers by name and common synonyms; of two columns meaning one field, the first wins. */
    static ColumnMapping automatic(ImportType type, List<String> header) {
        List<Column> columns = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Set<String> fed = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            Optional<String> field = type.fieldForHeader(header.get(i)).filter(fed::add);
            if (field.isPresent()) {
                columns.add(new Column(i, header.get(i), field.get()));
            } else if (!header.get(i).isEmpty()) {
                ignored.add(header.get(i));
            }
        }
        return new ColumnMapping(columns, ignored);
    }

    /**
     * The user's mapping {@code {"CSV header":"mosaicField"}}; a header mapped to {@code ""} is ignored.
     * A header is found by its exact name, else by its name compared as {@link HeaderNames} does.
     */
    static ColumnMapping explicit(ImportType type, List<String> header, Map<String, String> requested) {
        requireKnownFields(type, requested);
        Map<Integer, Column> byIndex = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        Map<String, String> headerByField = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : requested.entrySet()) {
            String field = entry.getValue();
            if (field == null || field.isBlank()) {
                continue;
            }
            int index = indexOf(header, entry.getKey());
            if (index < 0) {
                missing.add(entry.getKey());
                continue;
            }
            String earlier = headerByField.putIfAbsent(field, entry.getKey());
            if (earlier != null) {
                throw new InvalidImportException("mapping", "The mapping feeds '" + field + "' from two columns, '"
                        + earlier + "' and '" + entry.getKey() + "'; map one of them to \"\".",
                        Map.of("target", field));
            }
            byIndex.put(index, new Column(index, header.get(index), field));
        }
        if (!missing.isEmpty()) {
            throw new InvalidImportException("mapping", "The mapping names columns the file does not have: "
                    + String.join(", ", missing) + ".", Map.of("missingColumns", missing, "columns", header));
        }
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!byIndex.containsKey(i) && !header.get(i).isEmpty()) {
                ignored.add(header.get(i));
            }
        }
        return new ColumnMapping(new ArrayList<>(byIndex.values()), ignored);
    }

    /** Fails naming every target that is not a field of the type, before any file is read. */
    static void requireKnownFields(ImportType type, Map<String, String> requested) {
        List<String> unknown = requested.values().stream()
                .filter(field -> field != null && !field.isBlank() && !type.hasField(field))
                .distinct()
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidImportException("mapping", "The mapping names fields " + type.batchKey()
                    + " do not have: " + String.join(", ", unknown) + ". Known fields: "
                    + String.join(", ", type.fields()) + ".",
                    Map.of("unknownFields", unknown, "knownFields", type.fields()));
        }
    }

    /**
     * A mapping that feeds no field would turn every row into an empty item and an error: that is a file
     * (or mapping) that does not fit, so it is refused as a whole.
     */
    void requireSomeColumn(ImportType type, List<String> header) {
        if (columns.isEmpty()) {
            throw new InvalidImportException("mapping", "No column of the file feeds a field of " + type
                    + "; its columns are " + String.join(", ", header) + ". Send a mapping"
                    + " {\"CSV header\":\"mosaicField\"} using the fields " + String.join(", ", type.fields()) + ".",
                    Map.of("columns", header, "knownFields", type.fields()));
        }
    }

    private static int indexOf(List<String> header, String name) {
        int exact = header.indexOf(name);
        if (exact >= 0) {
            return exact;
        }
        String normalized = HeaderNames.normalize(name);
        for (int i = 0; i < header.size(); i++) {
            if (HeaderNames.normalize(header.get(i)).equals(normalized)) {
                return i;
            }
        }
        return -1;
    }

    List<Column> columns() {
        return columns;
    }

    /** {@code {"CSV header":"mosaicField"}} in column order, as the API reports the mapping it used. */
    Map<String, String> headerToField() {
        Map<String, String> used = new LinkedHashMap<>();
        columns.forEach(column -> used.put(column.header(), column.field()));
        return Collections.unmodifiableMap(used);
    }

    List<String> ignoredHeaders() {
        return ignoredHeaders;
    }
}
