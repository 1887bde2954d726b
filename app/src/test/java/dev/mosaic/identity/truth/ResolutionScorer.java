package dev.mosaic.identity.truth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Scores resolved entity ids against the truth, one record type at a time. Pure: no app, no I/O. */
final class ResolutionScorer {

    /** How many missed strong pairs to keep for the report; their count is exact regardless. */
    private static final int MISSED_PAIRS_KEPT = 20;

    private ResolutionScorer() {
    }

    /**
     * @param records     the records of one type
     * @param resolvedIds record {@link TruthRecord#ref() ref} to the entity id Mosaic resolved it to; a record
     *                    missing here did not resolve and counts as a cluster of its own
     */
    static ResolutionScore score(RecordType type, List<TruthRecord> records, Map<String, String> resolvedIds) {
        Map<String, List<TruthRecord>> byTrueEntity = group(records, TruthRecord::trueEntity);
        Map<String, List<TruthRecord>> byCluster = group(records, r -> clusterOf(r, resolvedIds));

        long correctPairs = 0;
        int multiRecordClusters = 0;
        List<ResolutionScore.FalseMerge> falseMerges = new ArrayList<>();
        for (Map.Entry<String, List<TruthRecord>> cluster : byCluster.entrySet()) {
            Map<String, List<TruthRecord>> entities = group(cluster.getValue(), TruthRecord::trueEntity);
            for (List<TruthRecord> sameEntity : entities.values()) {
                correctPairs += pairs(sameEntity.size());
            }
            if (cluster.getValue().size() > 1) {
                multiRecordClusters++;
            }
            if (entities.size() > 1) {
                falseMerges.add(new ResolutionScore.FalseMerge(cluster.getKey(), entities));
            }
        }

        // Entity ids are random UUIDs; order false merges by their records so reruns list the same ones first.
        falseMerges.sort(Comparator.comparing(m -> m.recordsByTrueEntity().values().iterator().next().get(0).ref()));

        long strongKeyPairs = 0;
        long foundStrongPairs = 0;
        List<ResolutionScore.MissedPair> missed = new ArrayList<>();
        for (List<TruthRecord> component : StrongKeyComponents.of(records)) {
            // A component spanning two real entities would be a generator bug; counting per entity keeps the
            // floor honest even then, and the generator's own test forbids it.
            for (List<TruthRecord> sameEntity : group(component, TruthRecord::trueEntity).values()) {
                strongKeyPairs += pairs(sameEntity.size());
                Map<String, List<TruthRecord>> split = group(sameEntity, r -> clusterOf(r, resolvedIds));
                for (List<TruthRecord> together : split.values()) {
                    foundStrongPairs += pairs(together.size());
                }
                if (split.size() > 1 && missed.size() < MISSED_PAIRS_KEPT) {
                    List<String> clusters = new ArrayList<>(split.keySet());
                    TruthRecord first = split.get(clusters.get(0)).get(0);
                    TruthRecord second = split.get(clusters.get(1)).get(0);
                    missed.add(new ResolutionScore.MissedPair(first, clusters.get(0), second, clusters.get(1)));
                }
            }
        }

        long truePairs = byTrueEntity.values().stream().mapToLong(g -> pairs(g.size())).sum();
        long predictedPairs = byCluster.values().stream().mapToLong(g -> pairs(g.size())).sum();
        int unresolved = (int) records.stream().filter(r -> !resolvedIds.containsKey(r.ref())).count();
        return new ResolutionScore(type, records.size(), byTrueEntity.size(), byCluster.size(), multiRecordClusters,
                falseMerges.size(), truePairs, predictedPairs, correctPairs, strongKeyPairs, foundStrongPairs,
                unresolved, falseMerges, missed);
    }

    private static String clusterOf(TruthRecord record, Map<String, String> resolvedIds) {
        String id = resolvedIds.get(record.ref());
        return id != null ? id : "unresolved:" + record.ref();
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }

    /** Sorted by key, so truth-keyed reports are the same on every run. */
    private static Map<String, List<TruthRecord>> group(List<TruthRecord> records,
                                                        Function<TruthRecord, String> key) {
        Map<String, List<TruthRecord>> groups = new TreeMap<>();
        for (TruthRecord record : records) {
            groups.computeIfAbsent(key.apply(record), k -> new ArrayList<>()).add(record);
        }
        return groups;
    }
}
