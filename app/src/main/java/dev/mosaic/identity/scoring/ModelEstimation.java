package dev.mosaic.identity.scoring;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates a workspace's own model from its data, as Splink does: {@code u} from pairs of records drawn at random
 * (almost all of them two different people, so how often they agree by chance), then {@code m} and the prior by
 * expectation–maximisation over the pairs blocking proposes, with {@code u} held. Levels seen too rarely keep smoothed
 * values rather than zero, so no single comparison can decide alone.
 */
public final class ModelEstimation {

    /** Fewer pairs than this say too little: the field keeps the values it had. */
    static final int LEAST_PAIRS = 200;
    private static final int ITERATIONS = 25;
    private static final double SMOOTHING = 0.5;

    private ModelEstimation() {
    }

    /**
     * @param possiblePairs how many pairs the records make in all ({@code n(n-1)/2}): the prior of the model returned is
     *                      the chance that two records drawn at random are one, as its {@code u} values are
     */
    public static MatchModel estimate(MatchModel start, List<List<FieldComparison>> randomPairs,
                                      List<List<FieldComparison>> blockedPairs, double possiblePairs) {
        MatchModel model = withU(start, randomPairs);
        if (blockedPairs.size() < LEAST_PAIRS) {
            return model;
        }
        // Among the pairs blocking proposes, matches are far more common than among random pairs: EM runs with a prior
        // of its own for them, and the share of matches it finds there gives the prior for random pairs.
        MatchModel blocked = new MatchModel(Math.min(0.5, Math.max(model.prior(), 0.01)), model.levels());
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            blocked = maximise(blocked, blockedPairs);
        }
        double expectedMatches = blocked.prior() * blockedPairs.size();
        return new MatchModel(Math.max(1e-9, Math.min(0.5, expectedMatches / Math.max(possiblePairs, blockedPairs.size()))),
                blocked.levels());
    }

    /** {@code u} of each field from random pairs: how often two records agree at each level by chance. */
    static MatchModel withU(MatchModel model, List<List<FieldComparison>> randomPairs) {
        Map<String, Map<String, Double>> counts = new HashMap<>();
        randomPairs.forEach(pair -> pair.forEach(comparison -> counts.computeIfAbsent(comparison.field(), f -> new HashMap<>())
                .merge(comparison.level(), 1.0, Double::sum)));
        Map<String, Map<String, MatchModel.Level>> levels = new LinkedHashMap<>();
        model.levels().forEach((field, known) -> {
            Map<String, Double> seen = counts.getOrDefault(field, Map.of());
            double total = seen.values().stream().mapToDouble(Double::doubleValue).sum();
            Map<String, MatchModel.Level> next = new LinkedHashMap<>();
            known.forEach((level, values) -> next.put(level, total < LEAST_PAIRS ? values : new MatchModel.Level(values.m(),
                    (seen.getOrDefault(level, 0.0) + SMOOTHING) / (total + SMOOTHING * known.size()))));
            levels.put(field, next);
        });
        return new MatchModel(model.prior(), levels);
    }

    /** One step: each pair's probability of a match under the model, then m and the prior those probabilities imply. */
    static MatchModel maximise(MatchModel model, List<List<FieldComparison>> pairs) {
        Map<String, Map<String, Double>> matched = new HashMap<>();
        double expectedMatches = 0;
        for (List<FieldComparison> pair : pairs) {
            double p = model.score(pair).probability();
            expectedMatches += p;
            for (FieldComparison comparison : pair) {
                matched.computeIfAbsent(comparison.field(), f -> new HashMap<>()).merge(comparison.level(), p, Double::sum);
            }
        }
        Map<String, Map<String, MatchModel.Level>> levels = new LinkedHashMap<>();
        model.levels().forEach((field, known) -> {
            Map<String, Double> seen = matched.getOrDefault(field, Map.of());
            double total = seen.values().stream().mapToDouble(Double::doubleValue).sum();
            Map<String, MatchModel.Level> next = new LinkedHashMap<>();
            known.forEach((level, values) -> next.put(level, total < 1 ? values : new MatchModel.Level(
                    (seen.getOrDefault(level, 0.0) + SMOOTHING / 100) / (total + SMOOTHING / 100 * known.size()), values.u())));
            levels.put(field, next);
        });
        double prior = Math.min(0.99, Math.max(1e-6, expectedMatches / pairs.size()));
        return new MatchModel(prior, levels);
    }
}
