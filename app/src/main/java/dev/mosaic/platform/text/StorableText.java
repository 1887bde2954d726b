package dev.mosaic.platform.text;

import java.util.Optional;

/**
 * Text that PostgreSQL and JSON keep exactly as it was sent. PostgreSQL's {@code text} and {@code jsonb}
 * refuse U+0000 (the statement fails, and with it the whole transaction), and a lone UTF-16 surrogate has
 * no UTF-8 form, so the JDBC driver silently stores {@code ?} in its place. Check text where it enters
 * Mosaic and refuse it with an error that names its field; never clean it up silently.
 *
 * <p>Lengths count UTF-16 units ({@link String#length()}), so checking costs one pass and no allocation.
 */
public final class StorableText {

    /** The longest value one field holds, anywhere in Mosaic: names, titles, bodies, extra fields. */
    public static final int MAX_VALUE_LENGTH = 10_000;

    private static final int EXCERPT_LENGTH = 60;

    private StorableText() {
    }

    /**
     * Why {@code text} cannot be stored as sent, as a phrase that follows its name
     * ({@code "title " + problem}); empty when it can. Checks the length first, so a huge text costs nothing.
     */
    public static Optional<String> problem(String text, int maxLength) {
        if (text.length() > maxLength) {
            return Optional.of("is " + text.length() + " characters long; at most " + maxLength + " are allowed");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("contains the NUL character (U+0000) at character " + (i + 1)
                        + ", which cannot be stored; remove it");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains a lone UTF-16 surrogate (" + codePoint(c) + ") at character " + (i + 1)
                        + ", which is not Unicode text; send valid UTF-8");
            }
        }
        return Optional.empty();
    }

    /** True when {@code text} is within {@code maxLength} and holds neither NUL nor a lone surrogate. */
    public static boolean isStorable(String text, int maxLength) {
        return problem(text, maxLength).isEmpty();
    }

    /**
     * A short, printable rendering of text that may be bad, for error messages: NUL, lone surrogates, control
     * and invisible formatting characters (such as a right-to-left override) appear as escapes (a backslash, {@code u}
     * and four hex digits), and more than 60 characters are cut with an ellipsis. Safe to put in any response or log line.
     */
    public static String excerpt(String text) {
        StringBuilder shown = new StringBuilder();
        int end = Math.min(text.length(), EXCERPT_LENGTH);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                shown.append(c).append(text.charAt(++i));
            } else if (invisible(c)) {
                shown.append(String.format("\\u%04X", (int) c));
            } else {
                shown.append(c);
            }
        }
        return end < text.length() ? shown.append('…').toString() : shown.toString();
    }

    private static boolean invisible(char c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
