package dev.mosaic.identity.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fellegi–Sunter weights: for each field and level, how likely two records of one person agree so ({@code m}) and how
 * likely two records of different people do ({@code u}). A level weighs log2(m/u): evidence for the match when true
 * pairs agree so more often than chance, against it otherwise. Summed with the prior odds of a match among the pairs
 * compared, the weight gives the probability that the two are one.
 *
 * <p>The defaults hold before a workspace has data enough to estimate its own (see {@link ModelEstimation}).
 */
public final class MatchModel {

    /** m and u of one level. */
    public record Level(double m, double u) {

        public double weight() {
            return Math.log(m / u) / Math.log(2);
        }
    }

    private final double prior;
    private final Map<String, Map<String, Level>> levels;

    public MatchModel(double prior, Map<String, Map<String, Level>> levels) {
        this.prior = prior;
        this.levels = levels;
    }

    /** The probability that two people compared after blocking are one, before any field is looked at. */
    public double prior() {
        return prior;
    }

    public Map<String, Map<String, Level>> levels() {
        return levels;
    }

    /**
     * The person model before a workspace has its own. {@code u} is how often two records drawn at random agree so, and
     * the prior is the chance that two such records are one person: in a workspace of ten thousand people with some
     * duplicates, about one in ten thousand. Blocking only chooses which pairs are compared; it changes no weight.
     */
    public static MatchModel personDefaults() {
        Map<String, Map<String, Level>> levels = new LinkedHashMap<>();
        field(levels, "firstName", "exact", 0.80, 0.01, "nickname", 0.06, 0.002, "initial", 0.02, 0.003,
                "similar", 0.07, 0.005, "somewhat similar", 0.03, 0.05, "different", 0.02, 0.93);
        field(levels, "lastName", "exact", 0.85, 0.003, "similar", 0.09, 0.002, "somewhat similar", 0.04, 0.03,
                "different", 0.02, 0.965);
        field(levels, "email", "exact", 0.5, 0.000001, "shared mailbox", 0.01, 0.0002, "same local part", 0.1, 0.0001,
                "same name-based local part", 0.05, 0.02, "other mailbox, same company", 0.02, 0.01,
                "different", 0.329, 0.9699);
        field(levels, "phone", "exact", 0.55, 0.0001, "different", 0.45, 0.9999);
        field(levels, "birthdate", "exact", 0.85, 0.0001, "close", 0.1, 0.0005, "different", 0.05, 0.9994);
        field(levels, "address", "same address", 0.7, 0.0005, "same postcode", 0.15, 0.005, "same city", 0.05, 0.03,
                "different", 0.1, 0.9645);
        field(levels, "organization", "exact", 0.75, 0.01, "different", 0.25, 0.99);
        field(levels, "title", "exact", 0.5, 0.05, "different", 0.5, 0.95);
        return new MatchModel(0.0001, levels);
    }

    /** The organization model: a shared name is weak evidence, other domains evidence against. */
    public static MatchModel organizationDefaults() {
        Map<String, Map<String, Level>> levels = new LinkedHashMap<>();
        field(levels, "name", "exact", 0.8, 0.0005, "similar", 0.15, 0.002, "different", 0.05, 0.9975);
        field(levels, "domain", "exact", 0.85, 0.00001, "different", 0.15, 0.99999);
        field(levels, "phone", "exact", 0.5, 0.0001, "different", 0.5, 0.9999);
        field(levels, "address", "same postcode", 0.6, 0.005, "same city", 0.2, 0.03, "different", 0.2, 0.965);
        field(levels, "industry", "exact", 0.7, 0.1, "different", 0.3, 0.9);
        return new MatchModel(0.0001, levels);
    }

    private static void field(Map<String, Map<String, Level>> levels, String field, Object... mu) {
        Map<String, Level> of = new LinkedHashMap<>();
        for (int i = 0; i < mu.length; i += 3) {
            of.put((String) mu[i], new Level((Double) mu[i + 1], (Double) mu[i + 2]));
        }
        levels.put(field, of);
    }

    /** The model as plain values, to keep: {@code {"prior":…, "levels":{field:{level:{"m":…,"u":…}}}}}. */
    public Map<String, Object> toValues() {
        Map<String, Object> fields = new LinkedHashMap<>();
        levels.forEach((field, of) -> {
            Map<String, Object> byLevel = new LinkedHashMap<>();
            of.forEach((level, values) -> byLevel.put(level, Map.of("m", values.m(), "u", values.u())));
            fields.put(field, byLevel);
        });
        return Map.of("prior", prior, "levels", fields);
    }

    /**
     * A model kept by {@link #toValues}, over {@code fallback}: a field or level it does not know (one added since) keeps
     * the fallback's values.
     */
    public static MatchModel fromValues(Map<?, ?> values, MatchModel fallback) {
        Map<String, Map<String, Level>> levels = new LinkedHashMap<>();
        Map<?, ?> kept = values.get("levels") instanceof Map<?, ?> map ? map : Map.of();
        fallback.levels.forEach((field, of) -> {
            Map<?, ?> keptField = kept.get(field) instanceof Map<?, ?> map ? map : Map.of();
            Map<String, Level> next = new LinkedHashMap<>();
            of.forEach((level, defaults) -> next.put(level, keptField.get(level) instanceof Map<?, ?> mu
                    && mu.get("m") instanceof Number m && mu.get("u") instanceof Number u
                    ? new Level(m.doubleValue(), u.doubleValue()) : defaults));
            levels.put(field, next);
        });
        return new MatchModel(values.get("prior") instanceof Number prior ? prior.doubleValue() : fallback.prior, levels);
    }

    /** The weight of a field's level: 0 for one the model does not know. */
    public double weight(String field, String level) {
        Level known = levels.getOrDefault(field, Map.of()).get(level);
        return known == null ? 0 : known.weight();
    }

    /** The most a field's comparison can add: the weight of its strongest level, or 0 when none is for the match. */
    public double mostFor(String field) {
        return Math.max(0, levels.getOrDefault(field, Map.of()).values().stream().mapToDouble(Level::weight).max().orElse(0));
    }

    /** The probability that two records are one, from their summed weight (log2 of the odds). */
    public static double probability(double matchWeight) {
        double odds = Math.pow(2, matchWeight);
        return Double.isInfinite(odds) ? 1.0 : odds / (1 + odds);
    }

    public MatchScore score(List<FieldComparison> comparisons) {
        double weight = Math.log(prior / (1 - prior)) / Math.log(2);
        List<MatchScore.Evidence> evidence = new ArrayList<>();
        for (FieldComparison comparison : comparisons) {
            double w = weight(comparison.field(), comparison.level());
            weight += w;
            evidence.add(new MatchScore.Evidence(comparison.field(), comparison.words(), Math.round(w * 100) / 100.0));
        }
        return new MatchScore(probability(weight), weight, evidence);
    }
}
