package dev.mosaic.salesforce.emulator.bulk;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The DML a Bulk 2.0 ingest job applies to each row of its CSV. */
enum IngestOperation {
    insert, update, upsert, delete;

    /**
     * The operation a create request names. {@code hardDelete} is a real operation, refused here as Salesforce
     * refuses it to a user without the "Bulk API Hard Delete" permission: the emulator has no recycle-bin bypass.
     */
    static IngestOperation parse(String name) {
        if ("hardDelete".equals(name)) {
            throw BulkCalls.invalidJob("The operation hardDelete requires the \"Bulk API Hard Delete\" user permission, "
                    + "which the emulated user does not have. Use delete instead.");
        }
        for (IngestOperation operation : values()) {
            if (operation.name().equals(name)) {
                return operation;
            }
        }
        throw BulkCalls.invalidJob("Invalid operation: " + name + ". Valid operations are "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + " and hardDelete.");
    }

    /** Whether a row's {@code Id} names the record it works on (insert makes new ones). */
    boolean identifiesById() {
        return this != insert;
    }
}
