package dev.mosaic.identity.truth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives each record its external id and remembers which record stands for which organization in each
 * source, so contacts can point at their organization the way that source would. External ids are
 * numbered per source ({@code o-1}, {@code o-2} in crm-a and again in crm-b), so the same id in the two
 * sources usually names different entities: external ids are only unique within a source, and a resolver
 * that forgot the source would merge strangers.
 */
final class SourceRecordWriter {

    private final Map<String, Integer> lastNumber = new HashMap<>();
    private final Map<String, String> firstOrganizationRecord = new HashMap<>();
    private final List<TruthRecord> records = new ArrayList<>();

    TruthRecord write(RecordType type, String source, String trueEntity, Map<String, String> fields,
                      Set<String> strongKeys, String scenario) {
        String prefix = type == RecordType.ORGANIZATION ? "o-" : "c-";
        int number = lastNumber.merge(source + "/" + type, 1, Integer::sum);
        String externalId = prefix + number;
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("externalId", externalId);
        fields.forEach((name, value) -> {
            if (value != null) {
                payload.put(name, value);
            }
        });
        TruthRecord record = new TruthRecord(type, source, externalId, trueEntity, payload, strongKeys, scenario);
        records.add(record);
        if (type == RecordType.ORGANIZATION) {
            firstOrganizationRecord.putIfAbsent(source + "/" + trueEntity, externalId);
        }
        return record;
    }

    /** The external id a source uses for the organization, when that source has it at all. */
    Optional<String> organizationIn(String source, TrueOrganization organization) {
        return Optional.ofNullable(firstOrganizationRecord.get(source + "/" + organization.id()));
    }

    List<TruthRecord> records() {
        return List.copyOf(records);
    }
}
