package dev.mosaic.identity.truth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one source's records of one type into ingest batches ({@code POST /api/v1/ingest/{source}} bodies).
 * The caller sends a source's organizations before its contacts, so a contact's {@code organization}
 * always names a record Mosaic has already seen, as a real sync would send them.
 */
final class IngestBatches {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IngestBatches() {
    }

    /** Send {@link RecordType#ORGANIZATION} before {@link RecordType#CONTACT} for a source. */
    static List<ObjectNode> of(TruthSet truth, String source, RecordType type, int itemsPerBatch) {
        List<ObjectNode> batches = new ArrayList<>();
        List<TruthRecord> records = truth.of(source, type);
        for (int from = 0; from < records.size(); from += itemsPerBatch) {
            ObjectNode batch = JSON.createObjectNode();
            ArrayNode items = batch.putArray(type.batchArray);
            for (TruthRecord record : records.subList(from, Math.min(records.size(), from + itemsPerBatch))) {
                ObjectNode item = items.addObject();
                record.payload().forEach(item::put);
            }
            batches.add(batch);
        }
        return batches;
    }
}
