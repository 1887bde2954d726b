package dev.mosaic.salesforce.emulator.org;

/** Which API runs a query: REST hides deleted and archived rows for QUERY; Bulk refuses compound and base64 fields. */
public enum QueryMode {
    REST_QUERY(false, false),
    REST_QUERY_ALL(true, false),
    BULK_QUERY(false, true),
    BULK_QUERY_ALL(true, true);

    private final boolean includesDeleted;
    private final boolean bulk;

    QueryMode(boolean includesDeleted, boolean bulk) {
        this.includesDeleted = includesDeleted;
        this.bulk = bulk;
    }

    public boolean includesDeleted() {
        return includesDeleted;
    }

    public boolean bulk() {
        return bulk;
    }
}
