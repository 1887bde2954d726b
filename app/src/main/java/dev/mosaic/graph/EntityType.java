package dev.mosaic.graph;

import java.util.Locale;

/** The kinds of thing the customer graph holds. */
public enum EntityType {
    ORGANIZATION, CONTACT, LEAD, DEAL, INTERACTION, NOTE, USER;

    /** The lower-case name used in the database and the API ({@code "organization"}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntityType fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
