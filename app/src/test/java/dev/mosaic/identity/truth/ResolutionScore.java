package dev.mosaic.identity.truth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How well Mosaic's clusters (records resolving to the same entity id) match the truth, for one record type.
 * Pairwise figures count record pairs; cluster precision counts predicted clusters, because one wrong merge
 * can drag a whole cluster together through transitive closure and a pair count hides that.
 *
 * @param truePairs         record pairs that are the same real entity
 * @param predictedPairs    record pairs Mosaic put in the same cluster
 * @param correctPairs      pairs in both
 * @param strongKeyPairs    true pairs linked by a chain of shared deterministic keys: the pairs Mosaic must find
 * @param foundStrongPairs  of those, the pairs Mosaic did put together
 * @param unresolved        records the external-id endpoint did not answer for (each scored as its own cluster)
 * @param falseMerges       every impure cluster, in a stable order
 * @param missedStrongPairs the first few strong-key pairs Mosaic left apart
 */
record ResolutionScore(RecordType type, int records, int trueEntities, int predictedClusters,
                       int multiRecordClusters, int impureClusters,
                       long truePairs, long predictedPairs, long correctPairs,
                       long strongKeyPairs, long foundStrongPairs, int unresolved,
                       List<FalseMerge> falseMerges, List<MissedPair> missedStrongPairs) {

    /** A predicted cluster holding records of more than one real entity, grouped by that entity. */
    record FalseMerge(String clusterId, Map<String, List<TruthRecord>> recordsByTrueEntity) {
        String describe() {
            return "cluster " + clusterId + " holds " + recordsByTrueEntity.size() + " real entities:\n"
                    + recordsByTrueEntity.values().stream().flatMap(List::stream)
                    .map(r -> "      " + r.describe()).collect(Collectors.joining("\n"));
        }
    }

    /** Two records sharing a deterministic key (possibly through others) that Mosaic resolved to different ids. */
    record MissedPair(TruthRecord first, String firstCluster, TruthRecord second, String secondCluster) {
        String describe() {
            return "      " + first.describe() + "  -> " + firstCluster + "\n      " + second.describe() + "  -> "
                    + secondCluster;
        }
    }

    double pairPrecision() {
        return predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
    }

    double pairRecall() {
        return truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
    }

    double f1() {
        double p = pairPrecision();
        double r = pairRecall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Share of predicted clusters that hold exactly one real entity. */
    double clusterPrecision() {
        return predictedClusters == 0 ? 1.0 : (double) (predictedClusters - impureClusters) / predictedClusters;
    }

    /**
     * The recall Mosaic reaches when it finds every pair its deterministic rules cover and nothing more: the
     * floor the test holds it to. The rest of the true pairs share only weak evidence (a name, a free-mail
     * domain) or none, and the rules say those must not merge.
     */
    double recallFloor() {
        return truePairs == 0 ? 1.0 : (double) strongKeyPairs / truePairs;
    }

    /** Share of strong-key pairs found; 1.0 means every pair the rules cover was merged. */
    double strongKeyRecall() {
        return strongKeyPairs == 0 ? 1.0 : (double) foundStrongPairs / strongKeyPairs;
    }

    String report() {
        return String.format(Locale.ROOT, """
                  %s: %d records, %d true entities, %d predicted clusters (%d with 2+ records, %d impure), %d unresolved
                    pairwise precision %.4f  recall %.4f  F1 %.4f   (pairs: true %d, predicted %d, correct %d)
                    cluster precision  %.4f
                    recall floor       %.4f   (true pairs sharing a deterministic key chain: %d; found %d = %.4f)
                """, type.object, records, trueEntities, predictedClusters, multiRecordClusters, impureClusters,
                unresolved, pairPrecision(), pairRecall(), f1(), truePairs, predictedPairs, correctPairs,
                clusterPrecision(), recallFloor(), strongKeyPairs, foundStrongPairs, strongKeyRecall());
    }

    /** The first few false merges and missed strong pairs, readable, or an empty string when there are none. */
    String problems(int limit) {
        StringBuilder out = new StringBuilder();
        if (!falseMerges.isEmpty()) {
            out.append("  ").append(type.object).append(": ").append(falseMerges.size()).append(" false merge(s); first ")
                    .append(Math.min(limit, falseMerges.size())).append(":\n");
            falseMerges.stream().limit(limit).forEach(m -> out.append("    ").append(m.describe()).append('\n'));
        }
        if (!missedStrongPairs.isEmpty()) {
            out.append("  ").append(type.object).append(": ").append(strongKeyPairs - foundStrongPairs)
                    .append(" strong-key pair(s) not merged; first ").append(Math.min(limit, missedStrongPairs.size()))
                    .append(":\n");
            missedStrongPairs.stream().limit(limit).forEach(m -> out.append("    pair:\n").append(m.describe()).append('\n'));
        }
        return out.toString();
    }
}
