package dev.mosaic.identity.scoring;

/**
 * The American Soundex code of a folded name ("smith", "smyth" → "S530"): names that sound alike share it, so it
 * serves as a cheap blocking key that typos rarely break. Empty for a name without letters.
 */
public final class Soundex {

    //                                      abcdefghijklmnopqrstuvwxyz
    private static final String DIGITS = "01230120022455012623010202";

    private Soundex() {
    }

    public static String of(String folded) {
        StringBuilder code = new StringBuilder(4);
        char last = 0;
        for (int i = 0; i < folded.length() && code.length() < 4; i++) {
            char c = folded.charAt(i);
            if (c < 'a' || c > 'z') {
                continue;
            }
            char digit = DIGITS.charAt(c - 'a');
            if (code.isEmpty()) {
                code.append(Character.toUpperCase(c));
                last = digit;
            } else if (digit != '0' && digit != last) {
                code.append(digit);
                last = digit;
            } else if (c != 'h' && c != 'w') {
                // A vowel separates two equal codes; h and w do not.
                last = digit;
            }
        }
        if (code.isEmpty()) {
            return "";
        }
        while (code.length() < 4) {
            code.append('0');
        }
        return code.toString();
    }
}
