package dev.mosaic.salesforce.emulator.org;

import dev.mosaic.salesforce.emulator.cdc.ChangeDataCapture;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The data side of an emulated Salesforce org: schema, records and SOQL, with no HTTP in it.
 *
 * <p>This is the seam between the org (schema, store, generator, SOQL engine) and the HTTP surface
 * (OAuth, REST routing, composite, Bulk, limits, faults). Everything it returns is already in
 * Salesforce's JSON shape ({@code Map}/{@code List}/{@code String}/{@code Number}/{@code Boolean}/null),
 * so the HTTP side only serializes. Every failure is a {@link SalesforceError} carrying Salesforce's
 * own status, error code and wording. Implementations are thread-safe.
 */
public interface Org {

    /** The 18-character organization id ({@code 00D…}). */
    String orgId();

    /** The users the HTTP side signs in as. */
    OrgUser adminUser();

    /** A second user for whom field-level security hides some fields. */
    OrgUser restrictedUser();

    /** {@code GET /sobjects/}: {@code {"encoding","maxBatchSize","sobjects":[…]}}. */
    Map<String, Object> describeGlobal(OrgUser user, String apiVersion);

    /** {@code GET /sobjects/X/}: {@code {"objectDescribe":{…},"recentItems":[…]}}; 404 NOT_FOUND for unknown objects. */
    Map<String, Object> basicInfo(String objectName, OrgUser user, String apiVersion);

    /** {@code GET /sobjects/X/describe}: the full describe; fields the user cannot read are absent. */
    Map<String, Object> describe(String objectName, OrgUser user, String apiVersion);

    /**
     * Parses and checks a SOQL statement, throwing its errors here. The result is lazy: the rows are selected
     * at its first use and formatted only when asked, so paging over a large result costs memory for one page
     * at a time. Selecting the rows, and formatting each page, fail with 400 {@code QUERY_TIMEOUT} past the
     * org's query timeout.
     */
    QueryResult query(String soql, QueryMode mode, OrgUser user);

    /** {@code GET /sobjects/X/{id}[?fields=a,b]}: all readable fields when {@code fields} is null. */
    Map<String, Object> retrieve(String objectName, String id, List<String> fields, OrgUser user, String apiVersion);

    /** {@code POST /sobjects/X/}: returns the new 18-character id. */
    String create(String objectName, Map<String, Object> fields, OrgUser user);

    /** {@code PATCH /sobjects/X/{id}}. */
    void update(String objectName, String id, Map<String, Object> fields, OrgUser user);

    /** {@code DELETE /sobjects/X/{id}}: a soft delete ({@code IsDeleted=true}, recycle bin). */
    void delete(String objectName, String id, OrgUser user);

    /** Restores a deleted record, and what its delete took along, from the recycle bin; returns the ids restored. */
    List<String> undelete(String objectName, String id, OrgUser user);

    /** {@code GET /sobjects/X/updated/?start&end}: {@code {"ids":[…],"latestDateCovered":…}}. */
    Map<String, Object> updated(String objectName, Instant start, Instant end);

    /** {@code GET /sobjects/X/deleted/?start&end}: {@code {"deletedRecords":[…],"earliestDateAvailable","latestDateCovered"}}. */
    Map<String, Object> deleted(String objectName, Instant start, Instant end);

    /** Salesforce's merge: losers become deleted with {@code MasterRecordId}; their children move to the master. */
    void merge(String objectName, String masterId, List<String> mergedIds);

    /** Random realistic creates, updates and deletes, for incremental-sync tests, all or nothing; returns what was done. */
    Map<String, Object> mutate(long seed, int creates, int updates, int deletes);

    /**
     * Simulates an admin redefining a formula field ({@code calculated} in describe): from now on
     * {@code objectName.fieldName} reads, on every record and in every API, as its original formula times
     * {@code factor}; 1 restores the original. Like in Salesforce nothing else changes: no SystemModstamp or
     * LastModifiedDate moves and no {@link #updated} entry appears. Returns {@code {"object","field","factor"}};
     * 400 {@code INVALID_API_INPUT} for an unknown object or field, a field that is not calculated, or a factor
     * that is not a positive number.
     */
    Map<String, Object> redefineFormula(String objectName, String fieldName, double factor);

    /**
     * Runs {@code work} (which calls this org's methods) as one transaction: if it throws, none of its
     * creates, updates and deletes remain — no rows, no deleted rows in queryAll or {@link #deleted},
     * no entries in {@link #updated}, no change to {@link #recordCounts}. Other threads see either none
     * or all of it. Nested calls join the outer transaction.
     */
    <T> T atomically(Supplier<T> work);

    /**
     * Runs {@code work} as one transaction whose successful calls all remain, as Salesforce runs one chunk of a
     * Bulk load without allOrNone: change events see one transaction, while a call that fails, made inside its own
     * {@link #atomically}, leaves nothing and does not undo the others. Other threads see none or all of it.
     */
    <T> T inOneTransaction(Supplier<T> work);

    /** Per object: {@code {"live":N,"deleted":N,"purged":N}} (purged: past the 15-day recycle bin, gone for good). */
    Map<String, Map<String, Long>> recordCounts();

    /** The instant the org uses as "now" (injected clock), for stamping writes. */
    Instant now();

    /** The org's Change Data Capture: its enabled objects and the change events its writes publish. */
    ChangeDataCapture changeDataCapture();
}
