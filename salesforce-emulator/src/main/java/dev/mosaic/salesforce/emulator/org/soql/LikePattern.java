package dev.mosaic.salesforce.emulator.org.soql;

import java.util.ArrayList;
import java.util.List;

/**
 * SOQL LIKE: {@code %} any run, {@code _} one character, backslash escapes, case-insensitive.
 *
 * <p>Matched without backtracking, so any pattern costs at most the value's length times the pattern's: the
 * pattern is cut at each {@code %} into pieces; the first must start the value, the last must end it, and each
 * one between is taken at its leftmost place after the one before (the leftmost place never loses a match). A
 * regular expression of {@code .*} runs took exponential time in the number of {@code %}: ten took 29 s.
 */
final class LikePattern {

    /** A character of a piece: a code point, or {@link #ANY_ONE} for {@code _}. */
    private static final int ANY_ONE = -1;

    /** The pattern cut at each {@code %}: the first piece starts the value, the last ends it. */
    private final List<int[]> pieces;

    private LikePattern(List<int[]> pieces) {
        this.pieces = pieces;
    }

    static LikePattern compile(String pattern) {
        List<int[]> pieces = new ArrayList<>();
        List<Integer> piece = new ArrayList<>();
        int[] points = pattern.codePoints().toArray();
        for (int i = 0; i < points.length; i++) {
            int c = points[i];
            if (c == '\\' && i + 1 < points.length) {
                piece.add(fold(points[++i]));
            } else if (c == '%') {
                pieces.add(piece.stream().mapToInt(Integer::intValue).toArray());
                piece = new ArrayList<>();
            } else {
                piece.add(c == '_' ? ANY_ONE : fold(c));
            }
        }
        pieces.add(piece.stream().mapToInt(Integer::intValue).toArray());
        return new LikePattern(pieces);
    }

    boolean matches(String value) {
        if (value == null) {
            return false;
        }
        int[] text = value.codePoints().map(LikePattern::fold).toArray();
        int last = pieces.size() - 1;
        if (last == 0) {
            // No %: the one piece is the whole value.
            return text.length == pieces.get(0).length && matchesAt(pieces.get(0), text, 0);
        }
        int[] first = pieces.get(0);
        int[] end = pieces.get(last);
        if (first.length + end.length > text.length || !matchesAt(first, text, 0)
                || !matchesAt(end, text, text.length - end.length)) {
            return false;
        }
        int from = first.length;
        int limit = text.length - end.length;
        for (int p = 1; p < last; p++) {
            int at = leftmost(pieces.get(p), text, from, limit);
            if (at < 0) {
                return false;
            }
            from = at + pieces.get(p).length;
        }
        return true;
    }

    /** Where the piece first fits wholly within {@code [from, limit)}, or -1. */
    private static int leftmost(int[] piece, int[] text, int from, int limit) {
        for (int at = from; at + piece.length <= limit; at++) {
            if (matchesAt(piece, text, at)) {
                return at;
            }
        }
        return -1;
    }

    private static boolean matchesAt(int[] piece, int[] text, int at) {
        for (int i = 0; i < piece.length; i++) {
            if (piece[i] != ANY_ONE && piece[i] != text[at + i]) {
                return false;
            }
        }
        return true;
    }

    /** Case folded both ways, as Java's case-insensitive comparisons do. */
    private static int fold(int codePoint) {
        return Character.toLowerCase(Character.toUpperCase(codePoint));
    }
}
