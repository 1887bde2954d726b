package dev.mosaic.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a REST query, split when naming them all would make the query's URI longer than Salesforce takes
 * (about 16 KB, an object with hundreds of custom fields passes it). The first group drives the query (its window,
 * order and paging, so it holds {@code Id}, {@code SystemModstamp}, {@code IsDeleted} and {@code MasterRecordId});
 * the others are read for the same records by id and stitched onto them ({@link WideRecords}).
 */
record FieldGroups(List<String> first, List<List<String>> rest) {

    /** Characters of field names per query: room is left for the rest of the URI and 200 ids. */
    static final int MAX_FIELD_CHARS = 9_000;
    private static final List<String> DRIVING = List.of("Id", "SystemModstamp", "IsDeleted", "MasterRecordId");

    static FieldGroups of(ObjectSchema schema) {
        return of(schema, MAX_FIELD_CHARS);
    }

    static FieldGroups of(ObjectSchema schema, int maxFieldChars) {
        List<String> first = new ArrayList<>();
        DRIVING.stream().filter(schema::has).forEach(first::add);
        List<List<String>> groups = new ArrayList<>();
        List<String> current = first;
        int fixed = first.size();
        int chars = cost(first);
        for (String field : schema.fieldList()) {
            if (DRIVING.contains(field)) {
                continue;
            }
            // A group takes at least one field besides those it starts with, however long its name.
            if (chars + cost(field) > maxFieldChars && current.size() > fixed) {
                current = new ArrayList<>(List.of("Id"));
                groups.add(current);
                fixed = 1;
                chars = cost(current);
            }
            current.add(field);
            chars += cost(field);
        }
        return new FieldGroups(List.copyOf(first), groups.stream().map(List::copyOf).toList());
    }

    boolean split() {
        return !rest.isEmpty();
    }

    /** A field's share of the URI: its name and the encoded ", " before it. */
    private static int cost(String field) {
        return field.length() + 4;
    }

    private static int cost(List<String> fields) {
        return fields.stream().mapToInt(FieldGroups::cost).sum();
    }
}
