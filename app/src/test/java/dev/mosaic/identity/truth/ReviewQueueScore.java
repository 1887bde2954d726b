package dev.mosaic.identity.truth;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the review queue holds, against the truth, for one record type. Weak evidence must not merge but
 * should reach a person, so the figures are: how many suggestions name the same real entity on both sides
 * (worth accepting), how many name different ones (namesakes: worth rejecting, still right to ask), how many
 * are stale (both sides already one entity), and how many of the pairs of clusters that split one real
 * entity were suggested at all.
 */
record ReviewQueueScore(RecordType type, int suggestions, int sameRealEntity, int differentRealEntities, int stale,
                        int unknownEntity, int splitClusterPairs, int splitClusterPairsSuggested,
                        Map<Double, int[]> fromScore) {

    /** Scores at which the queue is cut to see how many of the pairs above would be right to merge. */
    static final List<Double> CUTS = List.of(0.5, 0.8, 0.9, 0.95, 0.97, 0.99);

    static ReviewQueueScore of(RecordType type, List<TruthRecord> records, Map<String, String> resolvedIds,
                               List<ReviewSuggestion> queue) {
        Map<String, Set<String>> entitiesInCluster = new HashMap<>();
        Map<String, Set<String>> clustersOfEntity = new HashMap<>();
        for (TruthRecord record : records) {
            String cluster = resolvedIds.get(record.ref());
            if (cluster != null) {
                entitiesInCluster.computeIfAbsent(cluster, c -> new HashSet<>()).add(record.trueEntity());
                clustersOfEntity.computeIfAbsent(record.trueEntity(), e -> new LinkedHashSet<>()).add(cluster);
            }
        }
        int count = 0;
        int same = 0;
        int different = 0;
        int stale = 0;
        int unknown = 0;
        Set<String> suggestedPairs = new HashSet<>();
        Map<Double, int[]> fromScore = new TreeMap<>();
        CUTS.forEach(cut -> fromScore.put(cut, new int[2]));
        for (ReviewSuggestion suggestion : queue) {
            if (!suggestion.type().equals(type.object)) {
                continue;
            }
            count++;
            Set<String> a = entitiesInCluster.get(suggestion.entityA());
            Set<String> b = entitiesInCluster.get(suggestion.entityB());
            if (suggestion.entityA().equals(suggestion.entityB())) {
                stale++;
            } else if (a == null || b == null) {
                unknown++;
            } else {
                boolean right = a.stream().anyMatch(b::contains);
                if (right) {
                    same++;
                } else {
                    different++;
                }
                fromScore.forEach((cut, counts) -> counts[right ? 0 : 1] += suggestion.score() >= cut ? 1 : 0);
                // To see why pairs score as they do: -Dmosaic.truth.suggestions=true lists each one, right or wrong.
                if (Boolean.getBoolean("mosaic.truth.suggestions")) {
                    System.out.printf(Locale.ROOT, "  suggested %s %s %.4f %s%n", type.object, right ? "right" : "wrong",
                            suggestion.score(), suggestion.reason());
                }
            }
            suggestedPairs.add(pairKey(suggestion.entityA(), suggestion.entityB()));
        }
        int splitPairs = 0;
        int splitSuggested = 0;
        for (Set<String> clusters : clustersOfEntity.values()) {
            List<String> list = List.copyOf(clusters);
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    splitPairs++;
                    if (suggestedPairs.contains(pairKey(list.get(i), list.get(j)))) {
                        splitSuggested++;
                    }
                }
            }
        }
        return new ReviewQueueScore(type, count, same, different, stale, unknown, splitPairs, splitSuggested, fromScore);
    }

    String report() {
        return String.format(Locale.ROOT, "    %s: %d pending (%d same real entity, %d different real entities, %d stale, "
                        + "%d unknown); split real entities suggested for review: %d of %d cluster pairs%n",
                type.object, suggestions, sameRealEntity, differentRealEntities, stale, unknownEntity,
                splitClusterPairsSuggested, splitClusterPairs) + cuts();
    }

    /** Per cut, the pairs scored at least that: how many are one real entity, how many two. */
    private String cuts() {
        StringBuilder out = new StringBuilder("      scored at least:");
        fromScore.forEach((cut, counts) -> out.append(String.format(Locale.ROOT, "  %.2f → %d right, %d wrong;", cut, counts[0],
                counts[1])));
        return out.append(System.lineSeparator()).toString();
    }

    /** Of the pending pairs scored at least {@code cut} (one of {@link #CUTS}), the share that are one real entity. */
    double precisionFrom(double cut) {
        int[] counts = fromScore.get(cut);
        return counts[0] + counts[1] == 0 ? 1.0 : counts[0] / (double) (counts[0] + counts[1]);
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}
