package dev.mosaic.graph;

import dev.mosaic.platform.ids.TimeOrderedIds;
import dev.mosaic.platform.json.Json;
import dev.mosaic.platform.time.IsoInstants;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of one write, applied in memory: what a source's message does to the record it names. The
 * messages of a chunk are applied one after the other, so a chunk means what sending its records one at a
 * time would.
 *
 * @param record     the record after the message
 * @param fieldsJson the record's fields in their stored form
 * @param links      the links to store, or null when they stay as they are
 * @param created  the record did not exist before this chunk
 * @param changed  the message changed what is stored (false: the same message again, or nothing in it was news)
 */
record RecordWrite(StoredRecord record, String fieldsJson, List<LinkInput> links, boolean created, boolean changed) {

    /** The first message about a record: a new record, in a new entity of its own, first seen {@code now}. */
    static RecordWrite create(PreparedRecord prepared, Instant now) {
        SourceRecordInput input = prepared.input();
        StoredRecord record = new StoredRecord(TimeOrderedIds.next(), input.ref(), input.type(), TimeOrderedIds.next(),
                input.url(), prepared.firstFields(), prepared.contentHash(), input.deleted(), now, now, input.observedAt(),
                prepared.linksHash());
        return new RecordWrite(record, prepared.firstFieldsJson(), input.links(), true, true);
    }

    /**
     * The next message about a record already written (stored, or earlier in the chunk). Per field, the newer
     * observation wins. An older message arriving late changes only fields it is newer for.
     */
    RecordWrite then(PreparedRecord prepared, Instant now) {
        SourceRecordInput input = prepared.input();
        StoredRecord current = record;
        String hash = prepared.contentHash();
        if (hash.equals(current.contentHash())) {
            return this;
        }
        Map<String, FieldValue> fields = observed(input, current.fields());
        boolean stale = input.observedAt().isBefore(current.observedAt());
        String url = stale || input.url() == null ? current.url() : input.url();
        boolean deleted = stale ? current.deleted() : input.deleted();
        String linksHash = stale ? current.linksHash() : prepared.linksHash();
        boolean linksChanged = !linksHash.equals(current.linksHash());
        String json = fieldsJson(fields);
        boolean news = linksChanged || deleted != current.deleted() || !Objects.equals(url, current.url())
                || !json.equals(fieldsJson) && !json.equals(fieldsJson(current.fields()));
        if (!news) {
            return this;
        }
        Instant observedAt = stale ? current.observedAt() : input.observedAt();
        StoredRecord next = new StoredRecord(current.recordId(), current.ref(), current.type(), current.entityId(),
                url, fields, hash, deleted, current.firstSeenAt(), now, observedAt, linksHash);
        return new RecordWrite(next, json, linksChanged ? input.links() : links, created, true);
    }

    static RecordWrite stored(StoredRecord record) {
        // Stored text is what fieldsJson wrote, unless an older version wrote it otherwise: then() compares both ways.
        String json = record.fields() instanceof StoredFields stored ? stored.json() : fieldsJson(record.fields());
        return new RecordWrite(record, json, null, false, false);
    }

    /**
     * Per field, the newer observation wins: a late-arriving older message never overwrites a newer value. A
     * complete message that is not older than every value stored drops the fields it leaves out: they were cleared.
     */
    static Map<String, FieldValue> observed(SourceRecordInput input, Map<String, FieldValue> before) {
        Map<String, FieldValue> fields = new LinkedHashMap<>(before);
        if (input.complete()) {
            fields.entrySet().removeIf(known -> !input.fields().containsKey(known.getKey())
                    && !known.getValue().observedAt().isAfter(input.observedAt()));
        }
        input.fields().forEach((name, value) -> {
            FieldValue known = fields.get(name);
            if (known == null || !known.observedAt().isAfter(input.observedAt())) {
                fields.put(name, new FieldValue(value, input.ref(), input.observedAt()));
            }
        });
        return fields;
    }

    /** The fingerprint of a message: the same message sent again is recognised without comparing fields. */
    static String contentHash(SourceRecordInput input) {
        return Json.hash(List.of(input.type().key(), String.valueOf(input.url()), input.fields(), linkContent(input.links()),
                String.valueOf(input.sourceVersion()), input.deleted()));
    }

    static String linksHash(List<LinkInput> links) {
        return links.isEmpty() ? "" : Json.hash(linkContent(links));
    }

    private static List<List<Object>> linkContent(List<LinkInput> links) {
        return links.stream().map(link -> List.<Object>of(link.kind().key(), link.target().toString(), link.attributes()))
                .toList();
    }

    /** The stored form of the fields: {@code {"title":{"v":"CTO","at":"2026-…"}}}, keys sorted. */
    static String fieldsJson(Map<String, FieldValue> fields) {
        Map<String, Object> stored = new LinkedHashMap<>();
        fields.forEach((name, value) -> stored.put(name, Map.of("v", value.value(), "at", IsoInstants.format(value.observedAt()))));
        return Json.write(stored);
    }
}
