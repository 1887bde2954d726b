package dev.mosaic.identity.scoring;

import dev.mosaic.identity.MatchingKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compares two person records field by field, as Fellegi–Sunter scoring needs: each field says at which level the two
 * agree; a field one of them does not give says nothing and is left out. Names are also tried swapped (first name
 * given as last), as forms and imports often do.
 */
public final class PersonComparator {

    static final double SIMILAR = 0.88;
    static final double SOMEWHAT = 0.7;

    private PersonComparator() {
    }

    public static List<FieldComparison> compare(PersonProfile a, PersonProfile b) {
        List<FieldComparison> comparisons = new ArrayList<>();
        names(a, b, comparisons);
        emails(a, b, comparisons);
        if (!a.phones().isEmpty() && !b.phones().isEmpty()) {
            comparisons.add(a.phones().stream().anyMatch(b.phones()::contains)
                    ? new FieldComparison("phone", "exact", "same phone")
                    : new FieldComparison("phone", "different", "other phones"));
        }
        birthdates(a.birthdate(), b.birthdate(), comparisons);
        address(a, b, comparisons);
        organization(a, b, comparisons);
        if (!a.title().isEmpty() && !b.title().isEmpty()) {
            comparisons.add(a.title().equals(b.title()) ? new FieldComparison("title", "exact", "same title")
                    : new FieldComparison("title", "different", "other titles"));
        }
        return comparisons;
    }

    private static void names(PersonProfile a, PersonProfile b, List<FieldComparison> comparisons) {
        String first = firstLevel(a.firstName(), b.firstName());
        String last = lastLevel(a.lastName(), b.lastName());
        String swappedFirst = firstLevel(a.firstName(), b.lastName());
        String swappedLast = lastLevel(a.lastName(), b.firstName());
        boolean swapped = rank(swappedFirst) + rank(swappedLast) > rank(first) + rank(last) + 1
                && "exact".equals(swappedLast);
        if (swapped) {
            first = swappedFirst;
            last = swappedLast;
        }
        String names = a.shownName() + " ~ " + b.shownName();
        String pair = " (" + names + ")";
        if (first != null) {
            double similarity = JaroWinkler.similarity(a.firstName(), swapped ? b.lastName() : b.firstName());
            comparisons.add(new FieldComparison("firstName", first, switch (first) {
                case "exact" -> swapped ? "names swapped" + pair : "same first name";
                case "nickname" -> "first names go together" + pair;
                case "initial" -> "first name and initial agree" + pair;
                case "different" -> "other first names" + pair;
                default -> "first names " + first + String.format(Locale.ROOT, " (%s, %.2f)", names, similarity);
            }));
        }
        if (last != null) {
            double similarity = JaroWinkler.similarity(a.lastName(), swapped ? b.firstName() : b.lastName());
            comparisons.add(new FieldComparison("lastName", last, switch (last) {
                case "exact" -> "same last name";
                case "different" -> "other last names" + pair;
                default -> "last names " + last + String.format(Locale.ROOT, " (%s, %.2f)", names, similarity);
            }));
        }
    }

    /** The level of two folded given names; null when one is missing. */
    static String firstLevel(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return null;
        }
        if (a.equals(b)) {
            return "exact";
        }
        if (Nicknames.same(a, b)) {
            return "nickname";
        }
        if ((a.length() == 1 || b.length() == 1) && a.charAt(0) == b.charAt(0)) {
            return "initial";
        }
        return similarity(JaroWinkler.similarity(a, b));
    }

    static String lastLevel(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return null;
        }
        return a.equals(b) ? "exact" : similarity(JaroWinkler.similarity(a, b));
    }

    private static String similarity(double similarity) {
        return similarity >= SIMILAR ? "similar" : similarity >= SOMEWHAT ? "somewhat similar" : "different";
    }

    private static int rank(String level) {
        if (level == null) {
            return 0;
        }
        return switch (level) {
            case "exact" -> 4;
            case "nickname", "similar" -> 3;
            case "initial", "somewhat similar" -> 2;
            default -> 0;
        };
    }

    private static void emails(PersonProfile a, PersonProfile b, List<FieldComparison> comparisons) {
        if (a.emails().isEmpty() || b.emails().isEmpty()) {
            return;
        }
        String same = a.emails().stream().filter(b.emails()::contains).findFirst().orElse(null);
        if (same != null) {
            // A team's mailbox (info@, sales@) is shared by design: it says little about who is who.
            comparisons.add(MatchingKeys.isRoleMailbox(same)
                    ? new FieldComparison("email", "shared mailbox", "same shared mailbox " + same)
                    : new FieldComparison("email", "exact", "same email"));
            return;
        }
        Set<String> locals = new HashSet<>(a.emails().stream().map(PersonComparator::local).toList());
        String shared = b.emails().stream().map(PersonComparator::local).filter(locals::contains).findFirst().orElse(null);
        if (shared != null && shared.length() >= 4) {
            // "mrossi@" at two companies is as likely two people named M. Rossi as one: a mailbox name made of both last
            // names, or shared by two people named alike (in any script), says nothing the names do not; counting it
            // again made namesakes look like one person.
            if (holdsLastName(shared, a) && holdsLastName(shared, b) || namedAlike(a, b)) {
                return;
            }
            comparisons.add(madeOfName(shared, a) || madeOfName(shared, b)
                    ? new FieldComparison("email", "same name-based local part", "same mailbox name " + shared
                            + "@ made of the name, at other domains")
                    : new FieldComparison("email", "same local part", "same mailbox name " + shared + "@ at other domains"));
        } else if (a.workDomains().stream().anyMatch(b.workDomains()::contains)) {
            comparisons.add(new FieldComparison("email", "other mailbox, same company", "other mailboxes at the same company"));
        } else {
            comparisons.add(new FieldComparison("email", "different", "other emails"));
        }
    }

    /** Whether both names agree, up to a typo or a nickname. */
    private static boolean namedAlike(PersonProfile a, PersonProfile b) {
        return rank(firstLevel(a.firstName(), b.firstName())) >= 3 && rank(lastLevel(a.lastName(), b.lastName())) >= 3;
    }

    /** Whether a mailbox name holds the person's last name (or first name), as most company mailboxes do. */
    private static boolean madeOfName(String local, PersonProfile person) {
        String first = person.firstName().replace(" ", "");
        return holdsLastName(local, person) || first.length() >= 3 && local.replaceAll("[^a-z]", "").contains(first);
    }

    private static boolean holdsLastName(String local, PersonProfile person) {
        String last = person.lastName().replace(" ", "");
        return last.length() >= 3 && local.replaceAll("[^a-z]", "").contains(last);
    }

    private static String local(String email) {
        return email.substring(0, email.indexOf('@'));
    }

    private static void birthdates(String a, String b, List<FieldComparison> comparisons) {
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        if (a.equals(b)) {
            comparisons.add(new FieldComparison("birthdate", "exact", "same birthdate"));
        } else if (oneTypoApart(a, b) || dayAndMonthSwapped(a, b)) {
            comparisons.add(new FieldComparison("birthdate", "close", "birthdates one typo apart (" + a + " ~ " + b + ")"));
        } else {
            comparisons.add(new FieldComparison("birthdate", "different", "other birthdates"));
        }
    }

    /** The same length and one character different, or two neighbours swapped. */
    static boolean oneTypoApart(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int first = -1;
        int differences = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                differences++;
                first = first < 0 ? i : first;
            }
        }
        return differences == 1 || differences == 2 && first + 1 < a.length()
                && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first);
    }

    /** 1984-02-11 and 1984-11-02. */
    private static boolean dayAndMonthSwapped(String a, String b) {
        return a.length() == 10 && b.length() == 10 && a.substring(0, 5).equals(b.substring(0, 5))
                && a.substring(5, 7).equals(b.substring(8, 10)) && a.substring(8, 10).equals(b.substring(5, 7));
    }

    private static void address(PersonProfile a, PersonProfile b, List<FieldComparison> comparisons) {
        boolean postcodes = !a.postalCode().isEmpty() && !b.postalCode().isEmpty();
        boolean streets = !a.street().isEmpty() && !b.street().isEmpty();
        boolean cities = !a.city().isEmpty() && !b.city().isEmpty();
        if (!postcodes && !streets && !cities) {
            return;
        }
        boolean samePostcode = postcodes && a.postalCode().equals(b.postalCode());
        boolean sameStreet = streets && JaroWinkler.similarity(a.street(), b.street()) >= 0.9;
        boolean sameCity = cities && JaroWinkler.similarity(a.city(), b.city()) >= 0.9;
        if (sameStreet && (samePostcode || sameCity)) {
            comparisons.add(new FieldComparison("address", "same address", "same address"));
        } else if (samePostcode) {
            comparisons.add(new FieldComparison("address", "same postcode", "same postcode " + a.postalCode()));
        } else if (sameCity && !(postcodes && streets)) {
            comparisons.add(new FieldComparison("address", "same city", "same city"));
        } else {
            comparisons.add(new FieldComparison("address", "different", "other addresses"));
        }
    }

    private static void organization(PersonProfile a, PersonProfile b, List<FieldComparison> comparisons) {
        Set<String> domainsA = a.workDomains();
        Set<String> domainsB = b.workDomains();
        boolean sameMailbox = a.emails().stream().anyMatch(b.emails()::contains);
        if (!domainsA.isEmpty() && !domainsB.isEmpty() && !sameMailbox
                && domainsA.stream().anyMatch(domainsB::contains)) {
            return; // said already by the emails: other mailboxes at the same company
        }
        if (!domainsA.isEmpty() && !domainsB.isEmpty()) {
            comparisons.add(domainsA.stream().anyMatch(domainsB::contains)
                    ? new FieldComparison("organization", "exact", "same company email domain")
                    : new FieldComparison("organization", "different", "other company email domains"));
        } else if (a.employers().stream().anyMatch(b.employers()::contains)) {
            comparisons.add(new FieldComparison("organization", "exact", "same organization"));
        } else if (!a.company().isEmpty() && !b.company().isEmpty()) {
            comparisons.add(a.company().equals(b.company())
                    ? new FieldComparison("organization", "exact", "same company")
                    : new FieldComparison("organization", "different", "other companies"));
        }
    }
}
