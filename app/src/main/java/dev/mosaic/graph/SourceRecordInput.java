package dev.mosaic.graph;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one source says about one thing, as of {@code observedAt}. Fields hold plain JSON values (String,
 * Number, Boolean); a field left out means "no change", never "erase", unless the record is {@code complete}.
 *
 * @param observedAt    when the source said it: its own modification time when it gives one, else now
 * @param sourceVersion the source's own version of the record (its modification time), or null when it
 *                      gives none; part of the content, so a newer version of the same values is news
 * @param deleted       the source deleted the record: it stays for history but no longer speaks for the entity
 * @param complete      the fields are the record's whole state (as a sync reads it): a field left out was cleared,
 *                      and the record no longer says it (unless this message is older than the one stored)
 */
public record SourceRecordInput(EntityType type, ExternalRef ref, String url, Map<String, Object> fields,
                                List<LinkInput> links, Instant observedAt, String sourceVersion, boolean deleted,
                                boolean complete) {

    public SourceRecordInput {
        fields = Map.copyOf(fields);
        links = List.copyOf(links);
    }

    /** A message that may leave fields out, meaning "no change" (ingest, imports). */
    public SourceRecordInput(EntityType type, ExternalRef ref, String url, Map<String, Object> fields,
                             List<LinkInput> links, Instant observedAt, String sourceVersion, boolean deleted) {
        this(type, ref, url, fields, links, observedAt, sourceVersion, deleted, false);
    }
}
