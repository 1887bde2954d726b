package dev.mosaic.identity.truth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One record as one source holds it, together with what only the generator knows: which real entity it is
 * ({@code trueEntity}) and which deterministic keys it carries in canonical form ({@code strongKeys}, e.g.
 * {@code email:jane.doe@acme.com}, {@code domain:acme.co.uk}, {@code phone:+14155550101}). The strong keys come
 * from how the record was made, not from re-parsing its fields, so the truth does not depend on the same
 * normalisation code it is meant to check.
 *
 * @param payload  the item exactly as it is sent to the ingest API (insertion-ordered, absent fields left out)
 * @param scenario the corruption that produced this record, e.g. {@code contact:email-case}; for readable reports
 */
record TruthRecord(RecordType type, String source, String externalId, String trueEntity,
                   Map<String, String> payload, Set<String> strongKeys, String scenario) {

    TruthRecord {
        payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
        strongKeys = Set.copyOf(strongKeys);
    }

    /** Unique across the truth set: external ids are only unique within one source and one object. */
    String ref() {
        return source + "/" + type.object + "/" + externalId;
    }

    /** One line a person can read in a failure message. */
    String describe() {
        String fields = payload.entrySet().stream()
                .filter(e -> !e.getKey().equals("externalId"))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return ref() + " [truth " + trueEntity + ", " + scenario + "] " + fields;
    }
}
