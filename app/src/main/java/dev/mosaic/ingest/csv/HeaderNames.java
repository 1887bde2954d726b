package dev.mosaic.ingest.csv;

import java.util.Locale;

/** How CSV headers are compared: "E-Mail Address", "email_address" and "EmailAddress" are one name. */
final class HeaderNames {

    private HeaderNames() {
    }

    static String normalize(String header) {
        StringBuilder normalized = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (!Character.isWhitespace(c) && c != '_' && c != '-' && c != '\uFEFF') {
                normalized.append(c);
            }
        }
        return normalized.toString().toLowerCase(Locale.ROOT);
    }
}
