package dev.mosaic.identity.truth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the clusters would be had the workspace let Mosaic merge every suggested pair scored at least a threshold:
 * Mosaic's clusters, joined along those pairs (and so transitively, as merges join), scored against the truth.
 */
final class AutoMergeWhatIf {

    private AutoMergeWhatIf() {
    }

    static ResolutionScore score(RecordType type, List<TruthRecord> records, Map<String, String> resolvedIds,
                                 List<ReviewSuggestion> queue, double threshold) {
        Map<String, String> parent = new HashMap<>();
        for (ReviewSuggestion suggestion : queue) {
            if (suggestion.type().equals(type.object) && suggestion.score() >= threshold) {
                String a = root(parent, suggestion.entityA());
                String b = root(parent, suggestion.entityB());
                if (!a.equals(b)) {
                    parent.put(a, b);
                }
            }
        }
        Map<String, String> joined = new HashMap<>();
        resolvedIds.forEach((ref, cluster) -> joined.put(ref, root(parent, cluster)));
        return ResolutionScorer.score(type, records, joined);
    }

    private static String root(Map<String, String> parent, String id) {
        String root = id;
        while (parent.containsKey(root)) {
            root = parent.get(root);
        }
        return root;
    }
}
