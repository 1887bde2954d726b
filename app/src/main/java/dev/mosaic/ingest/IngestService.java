package dev.mosaic.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Service;

/**
 * Takes what another system says about customers (a JSON batch of organizations, contacts, deals,
 * interactions and notes, each with its {@code externalId} in that source) into the customer graph.
 * Idempotent: the same batch twice changes nothing the second time.
 */
@Service
public class IngestService {

    /** Validates every item, writes the valid ones, and says what happened to each. */
    public IngestSummary ingest(String tenantId, String source, JsonNode batch) {
        throw new UnsupportedOperationException("being built");
    }

    /** The same validation as {@link #ingest}, writing nothing: for previews and dry runs. */
    public IngestSummary validate(String tenantId, String source, JsonNode batch) {
        throw new UnsupportedOperationException("being built");
    }
}
