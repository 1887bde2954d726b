package dev.mosaic.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.ingest.IngestService;
import dev.mosaic.ingest.IngestSummary;
import dev.mosaic.platform.http.ApiError;
import dev.mosaic.tenant.TenantPrincipal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/ingest/{source}}: a batch from another system. 200 with the summary when every item
 * was taken; 400 naming each refused item (and saying what was saved) when some were not.
 */
@RestController
class IngestController {

    private final IngestService ingest;

    IngestController(IngestService ingest) {
        this.ingest = ingest;
    }

    /**
     * Writes a batch of what one source says: arrays of {@code users}, {@code organizations}, {@code contacts},
     * {@code leads}, {@code deals}, {@code interactions} and {@code notes}, each item with its {@code externalId}.
     * Items refer to each other by external id. An item that cannot be stored is refused alone, named with its reason
     * (400 when any is); the others are saved.
     */
    @PostMapping("/api/v1/ingest/{source}")
    ResponseEntity<?> ingest(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String source,
                             @RequestBody JsonNode batch) {
        IngestSummary summary = ingest.ingest(principal.tenantId(), source, batch);
        if (summary.rejected().isEmpty()) {
            return ResponseEntity.ok(summary);
        }
        int saved = summary.received() - summary.rejected().size();
        return ApiError.of("invalid_items", summary.rejected().size() + " of " + summary.received()
                        + " items were refused; the other " + saved + " were saved. Fix the refused items and send them again.",
                Map.of("summary", summary, "rejected", summary.rejected())).response(HttpStatus.BAD_REQUEST);
    }
}
