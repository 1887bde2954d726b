package dev.mosaic.identity.truth;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Per corruption, how many copies Mosaic joined to their entity's first (tidy) record: the figures say
 * which corruption costs recall. "Must" copies share a deterministic key chain with that first record;
 * "may" copies do not, and joining them would need weak evidence.
 */
final class ScenarioBreakdown {

    private ScenarioBreakdown() {
    }

    static String of(List<TruthRecord> records, Map<String, String> resolvedIds) {
        Map<String, TruthRecord> firstOfEntity = new LinkedHashMap<>();
        records.forEach(r -> firstOfEntity.putIfAbsent(r.trueEntity(), r));
        Set<String> linkedToFirst = new HashSet<>();
        for (List<TruthRecord> component : StrongKeyComponents.of(records)) {
            for (TruthRecord record : component) {
                if (component.contains(firstOfEntity.get(record.trueEntity()))) {
                    linkedToFirst.add(record.ref());
                }
            }
        }
        Map<String, int[]> counts = new TreeMap<>(); // must, must joined, may, may joined
        for (TruthRecord record : records) {
            TruthRecord first = firstOfEntity.get(record.trueEntity());
            if (first == record) {
                continue;
            }
            int[] c = counts.computeIfAbsent(record.scenario(), s -> new int[4]);
            String cluster = resolvedIds.get(record.ref());
            boolean joined = cluster != null && cluster.equals(resolvedIds.get(first.ref()));
            int slot = linkedToFirst.contains(record.ref()) ? 0 : 2;
            c[slot]++;
            if (joined) {
                c[slot + 1]++;
            }
        }
        StringBuilder out = new StringBuilder();
        counts.forEach((scenario, c) -> out.append(String.format(Locale.ROOT,
                "      %-34s must merge %3d/%-3d   may merge %3d/%-3d%n", scenario, c[1], c[0], c[3], c[2])));
        return out.toString();
    }
}
