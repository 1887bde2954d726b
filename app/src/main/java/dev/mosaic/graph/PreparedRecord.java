package dev.mosaic.graph;

import java.time.Instant;
import java.util.List;

/**
 * What a message is, worked out before the tenant's lock is taken: its check, its fingerprints, and the
 * record and golden values it makes when it names a record not seen before (a lone record's golden values
 * do not depend on the trusted-source order: each field has one candidate). Pure computation, so a chunk
 * prepares its records on every core while another chunk of the tenant holds the lock.
 *
 * @param problem why the graph refuses the record, or null
 */
record PreparedRecord(SourceRecordInput input, String problem, String contentHash, String linksHash,
                      RecordWrite firstWrite, GoldenValues firstGolden) {

    private static final Survivorship LONE = new Survivorship(List.of());

    static PreparedRecord of(SourceRecordInput input, SourceRecordGuard guard, Instant now) {
        String problem = guard.problem(input, now);
        if (problem != null) {
            return new PreparedRecord(input, problem, null, null, null, null);
        }
        String contentHash = RecordWrite.contentHash(input);
        String linksHash = RecordWrite.linksHash(input.links());
        RecordWrite first = RecordWrite.create(input, contentHash, linksHash, now);
        StoredRecord record = first.record();
        return new PreparedRecord(input, null, contentHash, linksHash, first,
                GoldenValues.of(record.type(), List.of(record), LONE));
    }
}
