package dev.mosaic.graph;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a message is, worked out before the tenant's lock is taken: its check, its fingerprints, and the
 * fields and golden values of the record it makes when it names one not seen before (a lone record's golden
 * values do not depend on the trusted-source order: each field has one candidate). Pure computation, so a
 * chunk prepares its records on every core while another chunk of the tenant holds the lock. Nothing here
 * depends on when the lock is granted: the record's own times are stamped under it.
 *
 * @param problem      why the graph refuses the record, or null
 * @param resolverWork what the resolver prepared from the record's values, for a record this message makes
 */
record PreparedRecord(SourceRecordInput input, String problem, String contentHash, String linksHash,
                      Map<String, FieldValue> firstFields, String firstFieldsJson, GoldenValues firstGolden,
                      Object resolverWork) {

    private static final Survivorship LONE = new Survivorship(List.of());

    /** @param checkedAt the time the guard compares observation times with */
    static PreparedRecord of(SourceRecordInput input, SourceRecordGuard guard, Instant checkedAt, RecordResolver resolver) {
        String problem = guard.problem(input, checkedAt);
        if (problem != null) {
            return new PreparedRecord(input, problem, null, null, null, null, null, null);
        }
        Map<String, FieldValue> fields = RecordWrite.observed(input, Map.of());
        StoredRecord lone = new StoredRecord(null, input.ref(), input.type(), null, input.url(), fields, null,
                input.deleted(), checkedAt, checkedAt, input.observedAt(), null);
        return new PreparedRecord(input, null, RecordWrite.contentHash(input), RecordWrite.linksHash(input.links()), fields,
                RecordWrite.fieldsJson(fields), GoldenValues.of(input.type(), List.of(lone), LONE),
                input.deleted() ? null : resolver.prepare(input.type(), input.fields()));
    }
}
