package dev.mosaic.bench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.bench.BenchFailure;
import dev.mosaic.salesforce.emulator.org.Org;
import dev.mosaic.salesforce.emulator.org.QueryMode;
import dev.mosaic.salesforce.emulator.org.QueryResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes made in Salesforce after an initial sync: records created, edited and deleted (the emulator's mutation, a
 * fifth of the changes each of creates and deletes, the rest edits) and two contacts merged.
 *
 * @param mutation what the emulator did: counts, and the ids created and deleted per object
 * @param master   the contact that won the merge
 * @param merged   the contact merged into it
 */
record OrgChanges(JsonNode mutation, String master, String merged) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static OrgChanges make(Org org, long seed, int changes) {
        int creates = Math.max(1, changes / 5);
        int deletes = Math.max(1, changes / 5);
        int updates = Math.max(0, changes - creates - deletes - 1);
        List<String> contacts = contactIds(org);
        JsonNode mutation = JSON.valueToTree(org.mutate(seed, creates, updates, deletes));
        org.merge("Contact", contacts.get(0), List.of(contacts.get(1)));
        return new OrgChanges(mutation, contacts.get(0), contacts.get(1));
    }

    /** Changes made, the merge counted as one. */
    int count() {
        return mutation.path("created").asInt() + mutation.path("updated").asInt() + mutation.path("deleted").asInt() + 1;
    }

    /** Two live contacts of the org, to merge. */
    private static List<String> contactIds(Org org) {
        QueryResult rows = org.query("SELECT Id FROM Contact WHERE IsDeleted = false ORDER BY Id LIMIT 2", QueryMode.REST_QUERY,
                org.adminUser());
        List<String> ids = new ArrayList<>();
        rows.restRecords(0, rows.totalSize(), "v59.0").forEach(row -> ids.add(String.valueOf(row.get("Id"))));
        if (ids.size() < 2) {
            throw new BenchFailure("The org has fewer than two contacts to merge");
        }
        return ids;
    }
}
