package dev.mosaic.connection;

import dev.mosaic.graph.ExternalRef;
import java.net.URI;

/**
 * How a Salesforce record is named in the graph: system {@code salesforce}, its object, and its org plus its id
 * ({@code 00D…/003…}). Sandboxes copied from production share record ids with it, so the org is part of every
 * record's identity, and two connected orgs never overwrite each other's records.
 */
public final class SalesforceRefs {

    public static final String SYSTEM = "salesforce";

    private SalesforceRefs() {
    }

    public static ExternalRef of(String orgId, String object, String recordId) {
        return new ExternalRef(SYSTEM, object, orgPrefix(orgId) + recordId);
    }

    /** What the external ids of an org's records start with. */
    public static String orgPrefix(String orgId) {
        return orgId + "/";
    }

    /** The record's page in Lightning Experience. */
    public static String deepLink(URI instanceUrl, String object, String recordId) {
        return instanceUrl.resolve("/lightning/r/" + object + "/" + recordId + "/view").toString();
    }

    /**
     * The 18-character form of a record id: the 15-character form (as in Classic URLs) plus the three characters
     * that encode its upper-case letters, so ids that differ only in case stay apart. Other values are returned
     * as they are.
     */
    public static String eighteenCharacterId(String id) {
        if (id == null || id.length() != 15 || !id.chars().allMatch(SalesforceRefs::isIdCharacter)) {
            return id;
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
        StringBuilder suffix = new StringBuilder(3);
        for (int block = 0; block < 3; block++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id.charAt(block * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix.append(alphabet.charAt(bits));
        }
        return id + suffix;
    }

    private static boolean isIdCharacter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
