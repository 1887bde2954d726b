package dev.mosaic.graph;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kinds of thing the customer graph holds. */
public enum EntityType {
    ORGANIZATION, CONTACT, LEAD, DEAL, INTERACTION, NOTE, USER;

    /** The lower-case name used in the database and the API ({@code "organization"}), in lists and details alike. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Interactions and notes: each is one record that is itself an entry on timelines. It has no history of field
     * changes, and its golden values are its record's values, worked out when read rather than stored.
     */
    public boolean isTimelineEntry() {
        return this == INTERACTION || this == NOTE;
    }

    public static EntityType fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
