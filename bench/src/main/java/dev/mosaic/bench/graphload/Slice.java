package dev.mosaic.bench.graphload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One organization with its people and activity, as the two sources send it. Items are in sending order:
 * within a source, everything an item refers to comes before it.
 */
record Slice(OrgProfile organization, List<Person> people, List<SourceItem> items) {

    /** A real person of the organization (the same in both sources); {@code email} in its lower-case form. */
    record Person(String firstName, String lastName, String email) {
    }

    /**
     * One record of one source. {@code firstOfEntity}: the first record of a real-world entity (the primary
     * copy, or a namesake), so counting them gives the number of entities identity resolution should end with.
     */
    record SourceItem(Source source, ItemKind kind, ObjectNode item, boolean firstOfEntity) {
    }
}
