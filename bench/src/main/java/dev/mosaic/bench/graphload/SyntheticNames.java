package dev.mosaic.bench.graphload;

/**
 * Pronounceable made-up words ("Kalomire") that are unique by construction: each number below 2^24 maps to
 * its own word. Unique surnames and company stems keep accidental same-name pairs out of the data, so the
 * weak-evidence pairs identity resolution sees are the ones the generator made on purpose.
 */
final class SyntheticNames {

    static final long WORDS = 1L << 24;
    private static final String[] CONSONANTS = {"b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z"};
    private static final String[] VOWELS = {"a", "e", "i", "o"};

    private SyntheticNames() {
    }

    /** The word of {@code number}, scrambled by {@code salt} so consecutive numbers look unrelated. */
    static String word(long number, long salt) {
        long code = scramble(number, salt);
        StringBuilder word = new StringBuilder(8);
        for (int syllable = 0; syllable < 4; syllable++) {
            int bits = (int) (code & 63);
            code >>>= 6;
            word.append(CONSONANTS[bits >>> 2]).append(VOWELS[bits & 3]);
        }
        return word.toString();
    }

    static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** A bijection of [0, 2^24): adding, multiplying by an odd number and xor-shifting are each invertible. */
    static long scramble(long number, long salt) {
        if (number < 0 || number >= WORDS) {
            throw new IllegalArgumentException("Only " + WORDS + " distinct words exist; asked for number " + number);
        }
        long mask = WORDS - 1;
        long x = (number + salt) & mask;
        x = (x * 0x9E3779B1L) & mask;
        x ^= x >>> 12;
        x = (x * 0x85EBCA6BL) & mask;
        x ^= x >>> 11;
        return x;
    }

    /** SplitMix64's finalizer: a well-mixed seed for one slice or one profile from (seed, index, purpose). */
    static long mix(long seed, long index, long purpose) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + purpose * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
