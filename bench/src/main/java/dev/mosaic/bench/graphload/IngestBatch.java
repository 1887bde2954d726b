package dev.mosaic.bench.graphload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One request body for {@code POST /api/v1/ingest/{source}}: items of one source, grouped by array. */
final class IngestBatch {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Source source;
    private final int number;
    private final Map<ItemKind, List<ObjectNode>> items;
    private final int size;

    private IngestBatch(Source source, int number, Map<ItemKind, List<ObjectNode>> items, int size) {
        this.source = source;
        this.number = number;
        this.items = items;
        this.size = size;
    }

    Source source() {
        return source;
    }

    /** 1 for the first batch the stream made, across both sources. */
    int number() {
        return number;
    }

    int size() {
        return size;
    }

    /** The items of one array, in the order they were generated. */
    List<ObjectNode> items(ItemKind kind) {
        return items.getOrDefault(kind, List.of());
    }

    byte[] json() {
        ObjectNode body = MAPPER.createObjectNode();
        for (ItemKind kind : ItemKind.values()) {
            List<ObjectNode> array = items(kind);
            if (!array.isEmpty()) {
                body.putArray(kind.arrayName).addAll(array);
            }
        }
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A generated batch could not be written as JSON", e);
        }
    }

    /** Collects one source's items until the batch is full. */
    static final class Builder {
        private final Source source;
        private final Map<ItemKind, List<ObjectNode>> items = new EnumMap<>(ItemKind.class);
        private int size;

        Builder(Source source) {
            this.source = source;
        }

        void add(ItemKind kind, ObjectNode item) {
            items.computeIfAbsent(kind, k -> new ArrayList<>()).add(item);
            size++;
        }

        int size() {
            return size;
        }

        IngestBatch build(int number) {
            return new IngestBatch(source, number, items, size);
        }
    }
}
