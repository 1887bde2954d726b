package dev.mosaic.salesforce.emulator.org.store;

/**
 * Salesforce record ids: a 3-character key prefix, a 2-character pod, a reserved {@code 0} and a
 * 9-character base-62 counter make the case-sensitive 15-character id; a 3-character checksum of
 * its letter cases makes the 18-character form the API always returns.
 *
 * <p>The emulator numbers rows densely, so an id is a pure function of (prefix, row) and needs no
 * storage; parsing inverts it.
 */
public final class SalesforceIds {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String CHECKSUM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    /** Pod "5g" and reserved "0", as on a typical production instance. */
    private static final String POD = "5g0";
    /** Rows start well above zero so ids look like real ones ({@code 0035g00000AbCdE…}). */
    private static final long FIRST_NUMBER = 62L * 62 * 62 * 62 * 2 + 12345;
    private static final int COUNTER_DIGITS = 9;

    private SalesforceIds() {
    }

    /** The 18-character id of {@code row} in the object whose key prefix is {@code prefix}. */
    public static String id18(String prefix, int row) {
        char[] id = new char[18];
        prefix.getChars(0, 3, id, 0);
        POD.getChars(0, 3, id, 3);
        long n = FIRST_NUMBER + row;
        for (int i = 14; i >= 6; i--) {
            id[i] = BASE62.charAt((int) (n % 62));
            n /= 62;
        }
        appendChecksum(id);
        return new String(id);
    }

    /** Adds the 3-character case checksum to a 15-character id. */
    public static String to18(String id15) {
        char[] id = new char[18];
        id15.getChars(0, 15, id, 0);
        appendChecksum(id);
        return new String(id);
    }

    private static void appendChecksum(char[] id) {
        for (int block = 0; block < 3; block++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id[block * 5 + i];
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            id[15 + block] = CHECKSUM_ALPHABET.charAt(bits);
        }
    }

    /**
     * The canonical 15-character form of an input id, or null when it is not id-shaped. A 15-character
     * id is taken as given (case matters); an 18-character id has its case repaired from the checksum,
     * which is why Salesforce accepts 18-character ids in any case.
     */
    public static String canonical15(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() == 15) {
            return isAlphanumeric(id) ? id : null;
        }
        if (id.length() != 18 || !isAlphanumeric(id)) {
            return null;
        }
        char[] fixed = id.substring(0, 15).toCharArray();
        for (int block = 0; block < 3; block++) {
            int bits = CHECKSUM_ALPHABET.indexOf(Character.toUpperCase(id.charAt(15 + block)));
            if (bits < 0) {
                return null;
            }
            for (int i = 0; i < 5; i++) {
                int at = block * 5 + i;
                char c = fixed[at];
                if (Character.isLetter(c)) {
                    fixed[at] = (bits & (1 << i)) != 0 ? Character.toUpperCase(c) : Character.toLowerCase(c);
                } else if ((bits & (1 << i)) != 0) {
                    return null;
                }
            }
        }
        return new String(fixed);
    }

    /** The row an id names within an object of the given prefix, or -1 if it names none there. */
    public static int row(String prefix, String id) {
        String id15 = canonical15(id);
        if (id15 == null || !id15.startsWith(prefix) || !id15.startsWith(POD, 3)) {
            return -1;
        }
        long n = 0;
        for (int i = 6; i < 15; i++) {
            int digit = BASE62.indexOf(id15.charAt(i));
            if (digit < 0) {
                return -1;
            }
            n = n * 62 + digit;
        }
        long row = n - FIRST_NUMBER;
        return row < 0 || row > Integer.MAX_VALUE ? -1 : (int) row;
    }

    /** The key prefix of an id-shaped string (case-sensitive), or null. */
    public static String prefixOf(String id) {
        String id15 = canonical15(id);
        return id15 == null ? null : id15.substring(0, 3);
    }

    /** True when the 18-character id's checksum matches its 15-character part exactly. */
    public static boolean hasValidChecksum(String id18) {
        return id18 != null && id18.length() == 18 && to18(id18.substring(0, 15)).equals(id18);
    }

    private static boolean isAlphanumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }
}
