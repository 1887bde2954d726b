package dev.mosaic.ingest;

import java.util.List;

/**
 * What one ingest batch did. Counts are per item; an item that was valid is never lost because another
 * item of the same batch was not.
 *
 * @param received  items in the batch
 * @param created   items that made a new entity
 * @param updated   items that changed what their source had said before
 * @param unchanged items identical to what their source had said before (sending a batch twice)
 * @param merged    items whose entity was merged with another one by identity resolution
 * @param rejected  items refused, each with the field and the reason
 */
public record IngestSummary(int received, int created, int updated, int unchanged, int merged,
                            List<Rejection> rejected) {

    /** One refused item: {@code kind} is the batch array ("contacts"), {@code index} its position there. */
    public record Rejection(String kind, int index, String externalId, String field, String reason) {
    }
}
