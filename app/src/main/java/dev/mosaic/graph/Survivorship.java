package dev.mosaic.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides, per field, which source's value an entity shows. A person's edit in Mosaic wins over every
 * sync; then the tenant's trusted sources in their order; then the most recently observed value. The
 * losing values are kept beside the winner, so the API can show what else was said.
 */
public final class Survivorship {

    /** The system name of edits made by people in Mosaic itself. */
    public static final String MOSAIC = "mosaic";

    private final Comparator<FieldValue> preference;

    public Survivorship(List<String> trustedSources) {
        Comparator<FieldValue> byEdit = Comparator.comparing(value -> !MOSAIC.equals(value.source().system()));
        Comparator<FieldValue> byTrust = Comparator.comparingInt(value -> {
            int position = trustedSources.indexOf(value.source().system());
            return position < 0 ? Integer.MAX_VALUE : position;
        });
        Comparator<FieldValue> byRecency = Comparator.comparing(FieldValue::observedAt, Comparator.reverseOrder());
        Comparator<FieldValue> stable = Comparator.comparing(value -> value.source().toString());
        this.preference = byEdit.thenComparing(byTrust).thenComparing(byRecency).thenComparing(stable);
    }

    /** Field name → candidates, winner first. Fields come out sorted by name. */
    public Map<String, List<FieldValue>> decide(Map<String, List<FieldValue>> candidatesByField) {
        Map<String, List<FieldValue>> decided = new TreeMap<>();
        candidatesByField.forEach((field, candidates) -> {
            List<FieldValue> ordered = new ArrayList<>(candidates);
            ordered.sort(preference);
            decided.put(field, List.copyOf(ordered));
        });
        return decided;
    }

    /** The winning values only. */
    public static Map<String, Object> winners(Map<String, List<FieldValue>> decided) {
        Map<String, Object> values = new LinkedHashMap<>();
        decided.forEach((field, ordered) -> values.put(field, ordered.get(0).value()));
        return values;
    }
}
