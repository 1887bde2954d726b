package dev.mosaic.identity;

import dev.mosaic.graph.EntityType;
import dev.mosaic.graph.GraphMerges;
import dev.mosaic.identity.scoring.FieldComparison;
import dev.mosaic.identity.scoring.OrganizationComparator;
import dev.mosaic.identity.scoring.OrganizationProfile;
import dev.mosaic.identity.scoring.PersonComparator;
import dev.mosaic.identity.scoring.PersonProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** The profiles of records of one type, by record. */
    Map<UUID, Object> of(String tenantId, EntityType type, Map<UUID, Map<String, Object>> values) {
        return of(tenantId, values.keySet().stream().collect(Collectors.toMap(id -> id, id -> type)), values);
    }

    /** The profiles of the records {@code typeOf} names that have values, by record. */
    Map<UUID, Object> of(String tenantId, Map<UUID, EntityType> typeOf, Map<UUID, Map<String, Object>> values) {
        Set<UUID> people = values.keySet().stream()
                .filter(id -> typeOf.containsKey(id) && typeOf.get(id) != EntityType.ORGANIZATION).collect(Collectors.toSet());
        Map<UUID, Map<UUID, String>> employers = people.isEmpty() ? Map.of() : graph.employersOf(tenantId, people);
        // On every core: normalizing phones and emails is the costly part.
        return values.entrySet().parallelStream().filter(entry -> typeOf.containsKey(entry.getKey()))
                .collect(Collectors.toConcurrentMap(Map.Entry::getKey, entry -> typeOf.get(entry.getKey()) == EntityType.ORGANIZATION
                        ? OrganizationProfile.of(entry.getValue())
                        : PersonProfile.of(entry.getValue(), employers.getOrDefault(entry.getKey(), Map.of()))));
    }

    /** How two records' profiles compare, field by field. */
    static List<FieldComparison> compare(Object a, Object b) {
        return a instanceof OrganizationProfile organization
                ? OrganizationComparator.compare(organization, (OrganizationProfile) b)
                : PersonComparator.compare((PersonProfile) a, (PersonProfile) b);
    }
}
