package dev.mosaic.identity.truth;

import java.util.List;

/**
 * A phone number from ranges set aside for fiction (North American 555-01XX lines, UK Ofcom 020 7946 0XXX),
 * so the truth set never dials a real person, yet every number is valid to libphonenumber. Knows its E.164
 * form (part of the strong key) and the ways CRMs write it.
 */
record FictionalPhone(String e164) {

    static FictionalPhone northAmerican(int areaCode, int line) {
        return new FictionalPhone(String.format("+1%03d555%04d", areaCode, line));
    }

    static FictionalPhone london(int line) {
        return new FictionalPhone(String.format("+44207946%04d", line));
    }

    /**
     * A phone is strong evidence only together with the same (folded) name: the last name of a person, the
     * name of an organization. A switchboard number shared by colleagues must not merge them.
     */
    String strongKeyWith(String foldedName) {
        return "phone:" + e164 + "|" + foldedName;
    }

    /** The written forms a CRM may hold; {@code styles().get(0)} is the tidy international one. */
    List<String> styles() {
        if (e164.startsWith("+1")) {
            String area = e164.substring(2, 5);
            String exchange = e164.substring(5, 8);
            String line = e164.substring(8);
            return List.of("+1 " + area + " " + exchange + " " + line,
                    "(" + area + ") " + exchange + "-" + line,
                    area + "." + exchange + "." + line,
                    e164);
        }
        // UK numbers always carry +44: without it a US-defaulted parser would misread them.
        String rest = e164.substring(3);
        return List.of("+44 " + rest.substring(0, 2) + " " + rest.substring(2, 6) + " " + rest.substring(6),
                e164,
                "+44 (0)" + rest.substring(0, 2) + " " + rest.substring(2, 6) + " " + rest.substring(6));
    }
}
