package dev.mosaic.identity;

import dev.mosaic.graph.EntityType;
import dev.mosaic.graph.GraphMerges;
import dev.mosaic.identity.scoring.FieldComparison;
import dev.mosaic.identity.scoring.OrganizationComparator;
import dev.mosaic.identity.scoring.OrganizationProfile;
import dev.mosaic.identity.scoring.PersonComparator;
import dev.mosaic.identity.scoring.PersonProfile;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What scoring compares of records, made once per record: their values and, for people, the organizations their
 * sources say they work at (one read for all of them). A person's employer tells namesakes apart better than any
 * name can.
 */
@Component
class RecordProfiles {

    private final GraphMerges graph;

    RecordProfiles(GraphMerges graph) {
        this.graph = graph;
    }

    /** The profiles of records of one type, by record, people's with their employers. */
    Map<UUID, Object> of(String tenantId, EntityType type, Map<UUID, Map<String, Object>> values) {
        Map<UUID, Object> profiles = new HashMap<>(withoutEmployers(
                values.keySet().stream().collect(Collectors.toMap(id -> id, id -> type)), values));
        if (type != EntityType.ORGANIZATION) {
            profiles.putAll(withEmployers(tenantId, values.keySet(), values));
        }
        return profiles;
    }

    /**
     * The profiles of the records {@code typeOf} names that have values, by record, each made from its values alone: a
     * person's employers are left out. They change only how two people's organizations compare
     * ({@link #employersMayMatter}), so a pair that scores low even if theirs agreed needs them not read.
     */
    Map<UUID, Object> withoutEmployers(Map<UUID, EntityType> typeOf, Map<UUID, Map<String, Object>> values) {
        // On every core: normalizing phones and emails is the costly part.
        return values.entrySet().parallelStream().filter(entry -> typeOf.containsKey(entry.getKey()))
                .collect(Collectors.toConcurrentMap(Map.Entry::getKey, entry -> typeOf.get(entry.getKey()) == EntityType.ORGANIZATION
                        ? OrganizationProfile.of(entry.getValue()) : PersonProfile.of(entry.getValue())));
    }

    /** The profiles of the people among these records, with the organizations their sources say they work at: one read. */
    Map<UUID, Object> withEmployers(String tenantId, Collection<UUID> recordIds, Map<UUID, Map<String, Object>> values) {
        Map<UUID, Object> profiles = new HashMap<>();
        Map<UUID, Map<UUID, String>> employers = recordIds.isEmpty() ? Map.of() : graph.employersOf(tenantId, recordIds);
        employers.forEach((recordId, of) -> profiles.put(recordId, PersonProfile.of(values.get(recordId), of)));
        return profiles;
    }

    /** Whether knowing two records' employers could change how they compare: only people's, and not when both have work emails. */
    static boolean employersMayMatter(Object a, Object b) {
        return a instanceof PersonProfile person && b instanceof PersonProfile other
                && (person.workDomains().isEmpty() || other.workDomains().isEmpty());
    }

    /** How two records' profiles compare, field by field. */
    static List<FieldComparison> compare(Object a, Object b) {
        return a instanceof OrganizationProfile organization
                ? OrganizationComparator.compare(organization, (OrganizationProfile) b)
                : PersonComparator.compare((PersonProfile) a, (PersonProfile) b);
    }
}
