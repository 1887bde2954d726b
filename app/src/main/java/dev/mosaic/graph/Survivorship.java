package dev.mosaic.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides, per field, which source's value an entity shows. A person's edit in Mosaic wins over every
 * sync; then the tenant's trusted sources in their order; then the most recently observed value; what Mosaic
 * inferred itself (an organization made from contacts' email domain) only fills what no source says. The
 * losing values are kept beside the winner, so the API can show what else was said.
 */
public final class Survivorship {

    /** The system name of edits made by people in Mosaic itself. */
    public static final String MOSAIC = "mosaic";
    /** The object of a person's edit, kept as a record of the {@link #MOSAIC} system. */
    public static final String EDIT = "edit";

    private final Comparator<FieldValue> preference;

    public Survivorship(List<String> trustedSources) {
        Comparator<FieldValue> byEdit = Comparator.comparing(value -> !isEdit(value.source()));
        Comparator<FieldValue> byInference = Comparator.comparing(value -> isInferred(value.source()));
        Comparator<FieldValue> byTrust = Comparator.comparingInt(value -> {
            int position = trustedSources.indexOf(value.source().system());
            return position < 0 ? Integer.MAX_VALUE : position;
        });
        Comparator<FieldValue> byRecency = Comparator.comparing(FieldValue::observedAt, Comparator.reverseOrder());
        Comparator<FieldValue> stable = Comparator.comparing(value -> value.source().toString());
        this.preference = byEdit.thenComparing(byInference).thenComparing(byTrust).thenComparing(byRecency).thenComparing(stable);
    }

    public static boolean isEdit(ExternalRef ref) {
        return MOSAIC.equals(ref.system()) && EDIT.equals(ref.object());
    }

    /** A record Mosaic made itself from what sources said, such as an organization for an email domain. */
    public static boolean isInferred(ExternalRef ref) {
        return MOSAIC.equals(ref.system()) && !EDIT.equals(ref.object());
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
