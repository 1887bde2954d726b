package dev.mosaic.identity.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Compares two organization records field by field; a field one of them does not give is left out. */
public final class OrganizationComparator {

    private OrganizationComparator() {
    }

    public static List<FieldComparison> compare(OrganizationProfile a, OrganizationProfile b) {
        List<FieldComparison> comparisons = new ArrayList<>();
        if (!a.name().isEmpty() && !b.name().isEmpty()) {
            double similarity = JaroWinkler.similarity(a.name(), b.name());
            String names = a.shownName() + " ~ " + b.shownName();
            comparisons.add(a.name().equals(b.name()) ? new FieldComparison("name", "exact", "same name (" + names + ")")
                    : similarity >= PersonComparator.SIMILAR ? new FieldComparison("name", "similar",
                            String.format(Locale.ROOT, "names similar (%s, %.2f)", names, similarity))
                    : new FieldComparison("name", "different", "other names (" + names + ")"));
        }
        if (!a.domains().isEmpty() && !b.domains().isEmpty()) {
            comparisons.add(a.domains().stream().anyMatch(b.domains()::contains)
                    ? new FieldComparison("domain", "exact", "same domain")
                    : new FieldComparison("domain", "different", "other domains (" + String.join(", ", a.domains()) + " ~ "
                            + String.join(", ", b.domains()) + ")"));
        }
        if (!a.phone().isEmpty() && !b.phone().isEmpty()) {
            comparisons.add(a.phone().equals(b.phone()) ? new FieldComparison("phone", "exact", "same phone")
                    : new FieldComparison("phone", "different", "other phones"));
        }
        if (!a.postalCode().isEmpty() && !b.postalCode().isEmpty()) {
            comparisons.add(a.postalCode().equals(b.postalCode())
                    ? new FieldComparison("address", "same postcode", "same postcode " + a.postalCode())
                    : new FieldComparison("address", "different", "other postcodes"));
        } else if (!a.city().isEmpty() && !b.city().isEmpty()) {
            comparisons.add(a.city().equals(b.city()) ? new FieldComparison("address", "same city", "same city")
                    : new FieldComparison("address", "different", "other cities"));
        }
        if (!a.industry().isEmpty() && !b.industry().isEmpty()) {
            comparisons.add(a.industry().equals(b.industry()) ? new FieldComparison("industry", "exact", "same industry")
                    : new FieldComparison("industry", "different", "other industries"));
        }
        return comparisons;
    }
}
