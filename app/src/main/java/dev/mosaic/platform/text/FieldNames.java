package dev.mosaic.platform.text;

import java.util.Optional;

/**
 * Names a source may give its own fields ({@code hs_lead_status}, {@code Region__c}, {@code Lead Source}):
 * 1 to {@value #MAX_LENGTH} characters of letters, digits, punctuation, symbols and spaces, without
 * leading or trailing space. Control characters and invisible formatting characters (zero-width spaces,
 * right-to-left overrides) are refused: they make two names look alike on screen, or one name look like another.
 */
public final class FieldNames {

    public static final int MAX_LENGTH = 100;

    private FieldNames() {
    }

    /** Why {@code name} cannot name a field, as a phrase that follows it; empty when it can. */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("is empty; a field needs a name");
        }
        Optional<String> unstorable = StorableText.problem(name, MAX_LENGTH);
        if (unstorable.isPresent()) {
            return unstorable;
        }
        if (Character.isWhitespace(name.charAt(0)) || Character.isWhitespace(name.charAt(name.length() - 1))) {
            return Optional.of("starts or ends with a space");
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (!visible(c)) {
                return Optional.of("holds the invisible or control character " + String.format("U+%04X", c)
                        + " at character " + (i + 1) + "; use letters, digits, punctuation and spaces");
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    private static boolean visible(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE,
                 Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
