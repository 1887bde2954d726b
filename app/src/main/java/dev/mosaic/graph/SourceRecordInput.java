package dev.mosaic.graph;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one source says about one thing, as of {@code observedAt}. Fields hold plain JSON values (String,
 * Number, Boolean); a field left out means "no change", never "erase".
 *
 * @param deleted the source deleted the record: it stays for history but no longer speaks for the entity
 */
public record SourceRecordInput(EntityType type, ExternalRef ref, String url, Map<String, Object> fields,
                                List<LinkInput> links, Instant observedAt, boolean deleted) {

    public SourceRecordInput {
        fields = Map.copyOf(fields);
        links = List.copyOf(links);
    }
}
