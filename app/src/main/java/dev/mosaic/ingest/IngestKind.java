package dev.mosaic.ingest;

import dev.mosaic.graph.EntityType;

/** The arrays of an ingest batch, in the order they are written (targets before what points at them). */
enum IngestKind {
    USERS("users", EntityType.USER, "user"),
    ORGANIZATIONS("organizations", EntityType.ORGANIZATION, "organization"),
    CONTACTS("contacts", EntityType.CONTACT, "contact"),
    LEADS("leads", EntityType.LEAD, "lead"),
    DEALS("deals", EntityType.DEAL, "deal"),
    INTERACTIONS("interactions", EntityType.INTERACTION, "interaction"),
    NOTES("notes", EntityType.NOTE, "note");

    final String arrayName;
    final EntityType type;
    /** The object name of these records in their source: {@code /external/{source}/contact/{id}}. */
    final String object;

    /** The position of an array in writing order, for listing refusals in the order of the batch. */
    static int ordinalOf(String arrayName) {
        for (IngestKind kind : values()) {
            if (kind.arrayName.equals(arrayName)) {
                return kind.ordinal();
            }
        }
        return values().length;
    }

    IngestKind(String arrayName, EntityType type, String object) {
        this.arrayName = arrayName;
        this.type = type;
        this.object = object;
    }
}
