package dev.mosaic.identity;

/**
 * A normalized value two records can share. A shared {@code strong} key merges their entities; a shared
 * weak one only suggests a merge to a person.
 */
record MatchKey(String type, String value, boolean strong) {

    static MatchKey strong(String type, String value) {
        return new MatchKey(type, value, true);
    }

    static MatchKey weak(String type, String value) {
        return new MatchKey(type, value, false);
    }

    String describe() {
        return switch (type) {
            case "email" -> "same email " + value;
            case "domain" -> "same domain " + value;
            case "phone_name" -> "same phone and name " + value.replace('|', ' ');
            case "name" -> "same name '" + value + "'";
            case "role_email" -> "same shared mailbox " + value;
            default -> "same " + type + " " + value;
        };
    }
}
