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
 * <p>A message that repeats what is stored (its fingerprint is the stored one, as a sync's lookback mostly finds) needs
 * only its check and its fingerprint: the rest is worked out if the chunk needs it after all.
 */
final class PreparedRecord {

    private static final Survivorship LONE = new Survivorship(List.of());

    private final SourceRecordInput input;
    private final String problem;
    private final String contentHash;
    private final Instant checkedAt;
    private final RecordResolver resolver;
    private Derived derived;

    /** What a new record needs besides the fingerprint; {@code resolverWork} is what the resolver prepared. */
    private record Derived(String linksHash, Map<String, FieldValue> firstFields, String firstFieldsJson,
                           GoldenValues firstGolden, Object resolverWork) {
    }

    private PreparedRecord(SourceRecordInput input, String problem, String contentHash, Instant checkedAt,
                           RecordResolver resolver) {
        this.input = input;
        this.problem = problem;
        this.contentHash = contentHash;
        this.checkedAt = checkedAt;
        this.resolver = resolver;
    }

    /**
     * @param checkedAt  the time the guard compares observation times with
     * @param storedHash the fingerprint stored for the record the message names, or null when none is known
     */
    static PreparedRecord of(SourceRecordInput input, SourceRecordGuard guard, Instant checkedAt, RecordResolver resolver,
                             String storedHash) {
        String problem = guard.problem(input, checkedAt);
        if (problem != null) {
            return new PreparedRecord(input, problem, null, checkedAt, resolver);
        }
        PreparedRecord prepared = new PreparedRecord(input, null, RecordWrite.contentHash(input), checkedAt, resolver);
        if (!prepared.contentHash.equals(storedHash)) {
            prepared.derived();
        }
        return prepared;
    }

    SourceRecordInput input() {
        return input;
    }

    /** Why the graph refuses the record, or null. */
    String problem() {
        return problem;
    }

    String contentHash() {
        return contentHash;
    }

    String linksHash() {
        return derived().linksHash();
    }

    Map<String, FieldValue> firstFields() {
        return derived().firstFields();
    }

    String firstFieldsJson() {
        return derived().firstFieldsJson();
    }

    GoldenValues firstGolden() {
        return derived().firstGolden();
    }

    /** What the resolver prepared from the record's values, for a record this message makes. */
    Object resolverWork() {
        return derived().resolverWork();
    }

    private Derived derived() {
        if (derived == null) {
            Map<String, FieldValue> fields = RecordWrite.observed(input, Map.of());
            StoredRecord lone = new StoredRecord(null, input.ref(), input.type(), null, input.url(), fields, null,
                    input.deleted(), checkedAt, checkedAt, input.observedAt(), null);
            derived = new Derived(RecordWrite.linksHash(input.links()), fields, RecordWrite.fieldsJson(fields),
                    GoldenValues.of(input.type(), List.of(lone), LONE),
                    input.deleted() ? null : resolver.prepare(input.type(), input.fields()));
        }
        return derived;
    }
}
