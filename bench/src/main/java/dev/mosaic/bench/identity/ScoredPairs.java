package dev.mosaic.bench.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The record pairs Mosaic says are one person, against the truth: pairs merged into one entity count at every threshold;
 * a suggestion in the review queue counts each pair of its two entities' records from its score down.
 */
final class ScoredPairs {

    /** A pending suggestion: two entities and Mosaic's score. */
    record Suggestion(String entityA, String entityB, double score) {
    }

    private final Map<String, List<String>> truthOfEntity = new HashMap<>();
    private final List<Suggestion> queue;
    private final long truePairs;
    private final long mergedPairs;
    private final long mergedCorrect;

    ScoredPairs(List<Febrl3.Person> people, Map<String, String> entityOf, List<Suggestion> queue) {
        this.queue = queue;
        Map<String, Integer> perPerson = new HashMap<>();
        for (Febrl3.Person person : people) {
            String entity = entityOf.get(person.externalId());
            if (entity != null) {
                truthOfEntity.computeIfAbsent(entity, e -> new ArrayList<>()).add(person.trueEntity());
            }
            perPerson.merge(person.trueEntity(), 1, Integer::sum);
        }
        truePairs = perPerson.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
        long merged = 0;
        long correct = 0;
        for (List<String> truths : truthOfEntity.values()) {
            for (int i = 0; i < truths.size(); i++) {
                for (int j = i + 1; j < truths.size(); j++) {
                    merged++;
                    correct += truths.get(i).equals(truths.get(j)) ? 1 : 0;
                }
            }
        }
        mergedPairs = merged;
        mergedCorrect = correct;
    }

    long truePairs() {
        return truePairs;
    }

    long mergedPairs() {
        return mergedPairs;
    }

    PairCounts at(double threshold) {
        long predicted = mergedPairs;
        long correct = mergedCorrect;
        for (Suggestion suggestion : queue) {
            if (suggestion.score() < threshold) {
                continue;
            }
            for (String a : truthOfEntity.getOrDefault(suggestion.entityA(), List.of())) {
                for (String b : truthOfEntity.getOrDefault(suggestion.entityB(), List.of())) {
                    predicted++;
                    correct += a.equals(b) ? 1 : 0;
                }
            }
        }
        return new PairCounts(threshold, predicted, correct, truePairs);
    }
}
