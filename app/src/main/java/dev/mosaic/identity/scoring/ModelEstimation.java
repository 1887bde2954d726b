package dev.mosaic.identity.scoring;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Estimates a workspace's own model from its data, as Splink does: {@code u} from pairs of records drawn at random
 * (almost all of them two different people, so how often they agree by chance), then {@code m} and the prior by
 * expectation–maximisation over the pairs blocking proposes, with {@code u} held and their names left out of judging
 * which are matches. Both are drawn towards the starting
 * values (a maximum a posteriori estimate), so levels seen rarely keep sensible values and a small workspace keeps
 * close to the defaults.
 */
public final class ModelEstimation {

    /** Fewer pairs than this say too little: the field keeps the values it had. */
    static final int LEAST_PAIRS = 200;
    private static final int ITERATIONS = 25;
    /** How many random pairs' worth the starting u counts for. */
    static final double U_PRIOR_PAIRS = 1_000;
    /** How many matches' worth the starting m counts for. */
    static final double M_PRIOR_MATCHES = 300;
    /** The fields blocking proposes pairs by, mostly. */
    private static final Set<String> NAME_FIELDS = Set.of("firstName", "lastName", "name");

    private ModelEstimation() {
    }

    /**
     * @param knownMatches  pairs blocking proposes that are one entity already (an exact key or a person merged them):
     *                      matches whatever the model says, which anchor the estimate to what a match looks like
     * @param blockedPairs  the other pairs blocking proposes
     * @param possiblePairs how many pairs the records make in all ({@code n(n-1)/2}): the prior of the model returned is
     *                      the chance that two records drawn at random are one, as its {@code u} values are
     */
    public static MatchModel estimate(MatchModel start, List<List<FieldComparison>> randomPairs,
                                      List<List<FieldComparison>> knownMatches, List<List<FieldComparison>> blockedPairs,
                                      double possiblePairs) {
        MatchModel model = withU(start, randomPairs);
        int pairs = knownMatches.size() + blockedPairs.size();
        if (pairs < LEAST_PAIRS) {
            return model;
        }
        // Among the pairs blocking proposes, matches are far more common than among random pairs: EM runs with a prior
        // of its own for them, and the share of matches it finds there gives the prior for random pairs.
        MatchModel blocked = new MatchModel(Math.min(0.5, Math.max(model.prior(), 0.01)), model.levels());
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            blocked = maximise(blocked, start, knownMatches, blockedPairs);
        }
        double expectedMatches = blocked.prior() * pairs;
        return new MatchModel(Math.max(1e-9, Math.min(0.5, expectedMatches / Math.max(possiblePairs, pairs))),
                blocked.levels());
    }

    /** The same without pairs known to match. */
    public static MatchModel estimate(MatchModel start, List<List<FieldComparison>> randomPairs,
                                      List<List<FieldComparison>> blockedPairs, double possiblePairs) {
        return estimate(start, randomPairs, List.of(), blockedPairs, possiblePairs);
    }

    /**
     * {@code u} of each field from random pairs: how often two records agree at each level by chance, drawn towards
     * the starting values by {@link #U_PRIOR_PAIRS} pairs' worth of them.
     */
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
                    (seen.getOrDefault(level, 0.0) + U_PRIOR_PAIRS * values.u()) / (total + U_PRIOR_PAIRS))));
            levels.put(field, next);
        });
        return new MatchModel(model.prior(), levels);
    }

    /**
     * One step: each pair's probability of a match under the model, then the m and the prior those probabilities imply,
     * drawn towards the starting m by {@link #M_PRIOR_MATCHES} matches' worth of it, so a small or lopsided workspace
     * cannot talk the model into nonsense. A field's last level (they disagree) never weighs for a match.
     */
    static MatchModel maximise(MatchModel model, MatchModel start, List<List<FieldComparison>> knownMatches,
                               List<List<FieldComparison>> pairs) {
        Map<String, Map<String, Double>> matched = new HashMap<>();
        double expectedMatches = 0;
        for (List<List<FieldComparison>> group : List.of(knownMatches, pairs)) {
            for (List<FieldComparison> pair : group) {
                double p = group == knownMatches ? 1.0 : counted(model.score(withoutNames(pair)).probability());
                expectedMatches += p;
                for (FieldComparison comparison : pair) {
                    matched.computeIfAbsent(comparison.field(), f -> new HashMap<>()).merge(comparison.level(), p, Double::sum);
                }
            }
        }
        Map<String, Map<String, MatchModel.Level>> levels = new LinkedHashMap<>();
        model.levels().forEach((field, known) -> {
            Map<String, Double> seen = matched.getOrDefault(field, Map.of());
            double total = seen.values().stream().mapToDouble(Double::doubleValue).sum();
            Map<String, MatchModel.Level> next = new LinkedHashMap<>();
            known.forEach((level, values) -> {
                double prior = start.levels().get(field).get(level).m();
                next.put(level, new MatchModel.Level((seen.getOrDefault(level, 0.0) + M_PRIOR_MATCHES * prior)
                        / (total + M_PRIOR_MATCHES), values.u()));
            });
            levels.put(field, disagreementAgainst(next));
        });
        double prior = Math.min(0.99, Math.max(1e-6, expectedMatches / (knownMatches.size() + pairs.size())));
        return new MatchModel(prior, levels);
    }

    /**
     * A blocked pair without its names. Blocking proposes pairs because their names sound alike, so among them agreeing
     * names tell matches from namesakes poorly: judged by their names too, namesakes counted as matches and taught the
     * model that a match often has another title, employer and mailbox. The other fields decide which pairs are matches;
     * the names' m is then counted from those (as Splink leaves a blocking rule's own fields out of its estimate).
     */
    private static List<FieldComparison> withoutNames(List<FieldComparison> pair) {
        return pair.stream().filter(comparison -> !NAME_FIELDS.contains(comparison.field())).toList();
    }

    /**
     * A pair counts as a match in proportion to its probability once it is more likely one than not, else not at all:
     * thousands of look-alike pairs at 0.1 each would otherwise add up to a "match" class of their own, and teach the
     * model that looking alike is what a match is (classification EM).
     */
    private static double counted(double probability) {
        return probability >= 0.5 ? probability : 0.0;
    }

    /** Keeps the last level's m at most its u, giving the difference to the other levels in proportion. */
    private static Map<String, MatchModel.Level> disagreementAgainst(Map<String, MatchModel.Level> levels) {
        List<String> names = List.copyOf(levels.keySet());
        MatchModel.Level last = levels.get(names.get(names.size() - 1));
        if (last.m() <= last.u()) {
            return levels;
        }
        double capped = last.u();
        double rest = 1 - last.m();
        Map<String, MatchModel.Level> next = new LinkedHashMap<>();
        for (String name : names.subList(0, names.size() - 1)) {
            MatchModel.Level level = levels.get(name);
            next.put(name, new MatchModel.Level(rest <= 0 ? (1 - capped) / (names.size() - 1)
                    : level.m() * (1 - capped) / rest, level.u()));
        }
        next.put(names.get(names.size() - 1), new MatchModel.Level(capped, last.u()));
        return next;
    }
}
