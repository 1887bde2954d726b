package dev.mosaic.identity.truth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Groups records that are linked, directly or through other records, by a shared deterministic key: the
 * groups Mosaic's rules oblige it to merge. A record with no strong key is a group of its own.
 * (Union-find over record positions; keys are compared in the canonical form the generator recorded.)
 */
final class StrongKeyComponents {

    private StrongKeyComponents() {
    }

    static List<List<TruthRecord>> of(List<TruthRecord> records) {
        return of(records, TruthRecord::strongKeys);
    }

    /** The same grouping over any keys: also how the tests build deliberately naive resolvers. */
    static List<List<TruthRecord>> of(List<TruthRecord> records, Function<TruthRecord, Set<String>> keysOf) {
        int[] parent = new int[records.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstHolder = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            for (String key : keysOf.apply(records.get(i))) {
                Integer earlier = firstHolder.putIfAbsent(key, i);
                if (earlier != null) {
                    parent[root(parent, i)] = root(parent, earlier);
                }
            }
        }
        Map<Integer, List<TruthRecord>> groups = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            groups.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(records.get(i));
        }
        return new ArrayList<>(groups.values());
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
