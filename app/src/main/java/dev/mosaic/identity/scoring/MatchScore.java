package dev.mosaic.identity.scoring;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How likely two records are one customer, from 0 to 1, with the evidence: each field's comparison in words and the
 * weight it added (positive for, negative against).
 *
 * @param matchWeight the summed weight, log2 of the odds
 */
public record MatchScore(double probability, double matchWeight, List<Evidence> evidence) {

    public record Evidence(String field, String comparison, double weight) {
    }

    /** The evidence for the match, strongest first, then against: "same phone; names similar (…); other titles". */
    public String words() {
        return evidence.stream().sorted((a, b) -> Double.compare(b.weight(), a.weight())).map(Evidence::comparison)
                .collect(Collectors.joining("; "));
    }
}
