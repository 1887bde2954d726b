package dev.mosaic.identity.truth;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * "The same name" as Mosaic's documented rule means it for a phone to count (README, identity
 * resolution): accents, case and punctuation ignored, and for organizations the legal form too
 * ({@code Bluepeak Capital Ltd} = {@code BLUEPEAK CAPITAL}). Written here independently of the app.
 */
final class NameFold {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** The legal forms this generator writes. */
    private static final Set<String> LEGAL_FORMS = Set.of("inc", "ltd", "gmbh", "sarl", "pty");

    private NameFold() {
    }

    static String person(String name) {
        String unaccented = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(unaccented.toLowerCase(Locale.ROOT).replace("'", "")).replaceAll(" ").trim();
    }

    static String organization(String name) {
        StringBuilder kept = new StringBuilder();
        for (String word : person(name).split(" ")) {
            if (!LEGAL_FORMS.contains(word)) {
                kept.append(kept.isEmpty() ? "" : " ").append(word);
            }
        }
        return kept.toString();
    }
}
