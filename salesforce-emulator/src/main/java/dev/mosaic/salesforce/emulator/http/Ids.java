package dev.mosaic.salesforce.emulator.http;

import java.security.SecureRandom;

/** Salesforce-shaped identifiers for things the HTTP side owns (query locators, Bulk jobs, tokens). */
public final class Ids {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String CHECKSUM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String random(int length) {
        return random(length, ALPHANUMERIC);
    }

    public static String random(int length, String alphabet) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** Appends the 3-character suffix that makes a 15-character id case-insensitively unique. */
    public static String withChecksum(String id15) {
        StringBuilder out = new StringBuilder(id15);
        for (int block = 0; block < 3; block++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(block * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            out.append(CHECKSUM_ALPHABET.charAt(bits));
        }
        return out.toString();
    }
}
