package dev.mosaic.graph;

import java.util.Locale;

/** The relations of the graph, always stated from the record that holds the reference. */
public enum LinkKind {
    /** contact → organization, with {@code role} and {@code current}. */
    WORKS_AT,
    /** deal → organization. */
    DEAL_ORGANIZATION,
    /** deal → contact, with {@code role} and {@code primary}. */
    DEAL_CONTACT,
    /** interaction → contact, user or organization, with {@code role} (from, to, attendee…). */
    PARTICIPANT,
    /** interaction → deal it was about. */
    INTERACTION_DEAL,
    /** note → what it is about (organization, contact, deal). */
    NOTE_SUBJECT,
    /** anything → the user who owns it. */
    OWNER,
    /** lead → the contact, organization or deal it was converted into, with {@code as}. */
    CONVERTED_TO;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LinkKind fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
