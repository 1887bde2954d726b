package dev.mosaic.ingest.csv;

/**
 * Chooses a file's delimiter from its header line. Spreadsheets in locales whose decimal separator is a
 * comma save "CSV" with semicolons, and column names rarely contain either, so the header tells.
 */
final class DelimiterDetection {

    private static final char[] CANDIDATES = {',', ';', '\t'};

    private DelimiterDetection() {
    }

    /** The candidate that occurs most often outside quotes; a comma on a tie or a one-column file. */
    static char detect(String headerLine) {
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }
}
