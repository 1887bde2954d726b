package dev.mosaic.graph;

import dev.mosaic.platform.json.Json;
import dev.mosaic.platform.time.IsoInstants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an entity shows, derived from its member records: per field the winner and the competing values,
 * its name in lists and its search text. Deleted records no longer speak for the entity, unless nothing
 * else does: then its page still shows what it was. Pure: the same members give the same values.
 *
 * @param decided field name → candidates, winner first
 */
record GoldenValues(EntityType type, Map<String, List<FieldValue>> decided, String displayName, String searchText,
                    boolean deleted) {

    static GoldenValues of(EntityType type, List<StoredRecord> members, Survivorship survivorship) {
        boolean deleted = !members.isEmpty() && members.stream().allMatch(StoredRecord::deleted);
        Map<String, List<FieldValue>> candidates = new HashMap<>();
        for (StoredRecord member : members) {
            if (!member.deleted() || deleted) {
                member.fields().forEach((field, value) -> candidates.computeIfAbsent(field, f -> new ArrayList<>()).add(value));
            }
        }
        Map<String, List<FieldValue>> decided = survivorship.decide(candidates);
        return new GoldenValues(type, decided, EntityPresentation.displayName(type, Survivorship.winners(decided)),
                EntityPresentation.searchText(candidates), deleted);
    }

    /**
     * Per field the value shown, where it came from and the competing values:
     * {@code {"title":{"value":"CTO","source":{…},"alternatives":[…]}}}. Written when asked for: interactions
     * and notes never store theirs.
     */
    String json() {
        return Json.write(goldenJson(decided));
    }

    private static Map<String, Object> goldenJson(Map<String, List<FieldValue>> decided) {
        Map<String, Object> golden = new LinkedHashMap<>();
        decided.forEach((field, ordered) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("value", ordered.get(0).value());
            entry.put("source", sourceJson(ordered.get(0)));
            List<Map<String, Object>> alternatives = new ArrayList<>();
            for (FieldValue other : ordered.subList(1, ordered.size())) {
                alternatives.add(Map.of("value", other.value(), "source", sourceJson(other)));
            }
            entry.put("alternatives", alternatives);
            golden.put(field, entry);
        });
        return golden;
    }

    static Map<String, Object> sourceJson(FieldValue value) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("system", value.source().system());
        source.put("object", value.source().object());
        source.put("externalId", value.source().externalId());
        source.put("observedAt", IsoInstants.format(value.observedAt()));
        return source;
    }
}
