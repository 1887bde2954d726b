package dev.mosaic.sync;

import java.util.List;
import java.util.Optional;

/**
 * The Salesforce objects Mosaic keeps in the graph, in the order a round takes them: targets before what points
 * at them (users own everything; accounts before contacts), and relation objects just before the records whose
 * links they add (see {@link ChildLinks}).
 */
public enum SyncedObject {
    USER("User"),
    ACCOUNT("Account"),
    ACCOUNT_CONTACT_RELATION("AccountContactRelation"),
    CONTACT("Contact"),
    LEAD("Lead"),
    OPPORTUNITY_CONTACT_ROLE("OpportunityContactRole"),
    OPPORTUNITY("Opportunity"),
    TASK("Task"),
    EVENT("Event"),
    EMAIL_MESSAGE("EmailMessage"),
    NOTE("Note");

    private final String apiName;

    SyncedObject(String apiName) {
        this.apiName = apiName;
    }

    /** The object's API name in Salesforce ({@code "Account"}). */
    public String apiName() {
        return apiName;
    }

    public static List<SyncedObject> inRoundOrder() {
        return List.of(values());
    }

    public static SyncedObject ofApiName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("Mosaic does not sync " + name));
    }

    /** The synced object of this API name; empty for one Mosaic does not sync. */
    public static Optional<SyncedObject> find(String name) {
        for (SyncedObject object : values()) {
            if (object.apiName.equals(name)) {
                return Optional.of(object);
            }
        }
        return Optional.empty();
    }
}
