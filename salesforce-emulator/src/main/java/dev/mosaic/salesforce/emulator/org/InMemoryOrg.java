package dev.mosaic.salesforce.emulator.org;

import dev.mosaic.salesforce.emulator.cdc.ChangeDataCapture;
import dev.mosaic.salesforce.emulator.org.generate.OrgGenerator;
import dev.mosaic.salesforce.emulator.org.generate.OrgMutator;
import dev.mosaic.salesforce.emulator.org.schema.DescribeRenderer;
import dev.mosaic.salesforce.emulator.org.schema.FieldDef;
import dev.mosaic.salesforce.emulator.org.schema.ObjectDef;
import dev.mosaic.salesforce.emulator.org.schema.StandardSchema;
import dev.mosaic.salesforce.emulator.org.soql.QueryTimeout;
import dev.mosaic.salesforce.emulator.org.soql.RecordFormatter;
import dev.mosaic.salesforce.emulator.org.soql.SoqlEngine;
import dev.mosaic.salesforce.emulator.org.store.ObjectTable;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;
import dev.mosaic.salesforce.emulator.org.store.SalesforceIds;
import dev.mosaic.salesforce.emulator.org.write.RecordWriter;
import dev.mosaic.salesforce.emulator.org.write.ReplicationFeeds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An emulated Salesforce org held in memory: the standard schema, a seeded generated data set, SOQL,
 * CRUD, merges and the replication feeds. Thread-safe: one read-write lock guards the records.
 */
public final class InMemoryOrg implements Org {
    private final StandardSchema schema = StandardSchema.get();
    private final RecordStore store = new RecordStore(schema);
    private final SoqlEngine soql;
    private final RecordWriter writer = new RecordWriter(store);
    private final ReplicationFeeds feeds = new ReplicationFeeds(store);
    private final ChangeDataCapture changeDataCapture;
    private final Clock clock;
    private final String orgId;
    private final OrgUser admin;
    private final OrgUser restricted;

    private InMemoryOrg(long seed, int accounts, Clock clock, QueryTimeout queryTimeout) {
        this.clock = clock;
        this.soql = new SoqlEngine(store, queryTimeout);
        this.orgId = SalesforceIds.id18("00D", (int) Math.floorMod(seed, 1_000_000L));
        OrgGenerator.generate(seed, accounts, store, clock.millis());
        // After the generated records: they are the org as it was before anyone subscribed.
        this.changeDataCapture = new ChangeDataCapture(store, clock);
        this.admin = userAt(0, false);
        this.restricted = userAt(1, true);
    }

    /** A generated org: about 36 records per account (see {@link OrgGenerator}); same seed, same org. */
    public static InMemoryOrg generate(long seed, int accounts, Clock clock) {
        return generate(seed, accounts, clock, QueryTimeout.defaults());
    }

    /** The same, with queries held to {@code queryTimeout} instead of Salesforce's two minutes. */
    public static InMemoryOrg generate(long seed, int accounts, Clock clock, QueryTimeout queryTimeout) {
        return new InMemoryOrg(seed, accounts, clock, queryTimeout);
    }

    private OrgUser userAt(int row, boolean isRestricted) {
        ObjectDef user = schema.object("User");
        ObjectTable t = store.table(user);
        return new OrgUser(store.idOf(t, row), (String) t.get(row, user.field("Username")),
                (String) t.get(row, user.field("Email")), (String) t.get(row, user.field("Name")), isRestricted);
    }

    @Override
    public String orgId() {
        return orgId;
    }

    @Override
    public OrgUser adminUser() {
        return admin;
    }

    @Override
    public OrgUser restrictedUser() {
        return restricted;
    }

    @Override
    public ChangeDataCapture changeDataCapture() {
        return changeDataCapture;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    // ---- describe ---------------------------------------------------------------------------------

    @Override
    public Map<String, Object> describeGlobal(OrgUser user, String apiVersion) {
        String version = RecordFormatter.version(apiVersion);
        List<Map<String, Object>> sobjects = new ArrayList<>();
        for (ObjectDef o : schema.objects()) {
            sobjects.add(DescribeRenderer.globalEntry(o, version));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("encoding", "UTF-8");
        out.put("maxBatchSize", 200);
        out.put("sobjects", sobjects);
        return out;
    }

    @Override
    public Map<String, Object> basicInfo(String objectName, OrgUser user, String apiVersion) {
        ObjectDef def = objectOr404(objectName);
        String version = RecordFormatter.version(apiVersion);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("objectDescribe", DescribeRenderer.globalEntry(def, version));
        out.put("recentItems", store.read(() -> recentItems(def, version)));
        return out;
    }

    /** The most recently modified live records, as {@code {attributes, Id, Name}}. */
    private List<Map<String, Object>> recentItems(ObjectDef def, String version) {
        ObjectTable t = store.table(def);
        List<Integer> rows = new ArrayList<>();
        long now = clock.millis();
        t.scanByStamp(now - 7L * 86_400_000L, Long.MAX_VALUE, row -> {
            if (!t.isDeleted(row)) {
                rows.add(row);
            }
            return true;
        });
        List<Map<String, Object>> items = new ArrayList<>();
        FieldDef name = def.fields().stream().filter(FieldDef::nameField).findFirst().orElse(null);
        for (int i = rows.size() - 1; i >= 0 && items.size() < 3; i--) {
            int row = rows.get(i);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("attributes", RecordFormatter.attributes(def.name(), store.idOf(t, row), version));
            item.put("Id", store.idOf(t, row));
            if (name != null) {
                item.put(name.name(), t.get(row, name));
            }
            items.add(item);
        }
        return items;
    }

    @Override
    public Map<String, Object> describe(String objectName, OrgUser user, String apiVersion) {
        ObjectDef def = objectOr404(objectName);
        return DescribeRenderer.describe(def, isRestricted(user), RecordFormatter.version(apiVersion));
    }

    // ---- query ------------------------------------------------------------------------------------

    @Override
    public QueryResult query(String soqlText, QueryMode mode, OrgUser user) {
        return soql.query(soqlText, mode, isRestricted(user), clock.millis());
    }

    // ---- CRUD -------------------------------------------------------------------------------------

    @Override
    public Map<String, Object> retrieve(String objectName, String id, List<String> fields, OrgUser user,
                                        String apiVersion) {
        ObjectDef def = objectOr404(objectName);
        if (SalesforceIds.canonical15(id) == null) {
            throw new SalesforceError(404, "NOT_FOUND",
                    "Provided external ID field does not exist or is not accessible: " + id);
        }
        List<FieldDef> selected = new ArrayList<>();
        if (fields == null || fields.isEmpty()) {
            for (FieldDef f : def.fields()) {
                if (f.visibleTo(isRestricted(user))) {
                    selected.add(f);
                }
            }
        } else {
            for (String name : fields) {
                FieldDef f = def.field(name.trim());
                if (f == null || !f.visibleTo(isRestricted(user))) {
                    throw new SalesforceError(400, "INVALID_FIELD", "No such column '" + name.trim() + "' on entity '"
                            + def.name() + "'. If you are attempting to use a custom field, be sure to append the '__c' "
                            + "after the custom field name. Please reference your WSDL or the describe call for the "
                            + "appropriate names.");
                }
                selected.add(f);
            }
        }
        long key = store.keyOf(id);
        String version = RecordFormatter.version(apiVersion);
        return store.read(() -> {
            ObjectTable t = writer.liveRecord(def, key, clock.millis());
            int row = RecordStore.rowOf(key);
            RecordFormatter formatter = new RecordFormatter(store);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("attributes", RecordFormatter.attributes(def.name(), store.idOf(t, row), version));
            for (FieldDef f : selected) {
                record.put(f.name(), formatter.restValue(t, row, f));
            }
            return record;
        });
    }

    @Override
    public String create(String objectName, Map<String, Object> fields, OrgUser user) {
        ObjectDef def = objectOr404(objectName);
        long userKey = userKey(user);
        long now = clock.millis();
        return store.write(() -> store.idOf(writer.create(def, fields, userKey, isRestricted(user), now)));
    }

    @Override
    public void update(String objectName, String id, Map<String, Object> fields, OrgUser user) {
        ObjectDef def = objectOr404(objectName);
        long key = keyOr404(id);
        long userKey = userKey(user);
        long now = clock.millis();
        store.write(() -> {
            writer.update(def, key, fields, userKey, isRestricted(user), now);
            return null;
        });
    }

    @Override
    public void delete(String objectName, String id, OrgUser user) {
        ObjectDef def = objectOr404(objectName);
        long key = keyOr404(id);
        long userKey = userKey(user);
        long now = clock.millis();
        store.write(() -> writer.delete(def, key, userKey, now));
    }

    @Override
    public List<String> undelete(String objectName, String id, OrgUser user) {
        ObjectDef def = objectOr404(objectName);
        long key = keyOr404(id);
        long userKey = userKey(user);
        long now = clock.millis();
        return store.atomically(() -> writer.undelete(def, key, userKey, now).stream().map(store::idOf).toList());
    }

    // ---- replication, merge, mutate -------------------------------------------------------------------

    @Override
    public Map<String, Object> updated(String objectName, Instant start, Instant end) {
        ObjectDef def = objectOr404(objectName);
        Instant now = clock.instant();
        return store.read(() -> feeds.updated(store.table(def), start, end, now));
    }

    @Override
    public Map<String, Object> deleted(String objectName, Instant start, Instant end) {
        ObjectDef def = objectOr404(objectName);
        Instant now = clock.instant();
        return store.read(() -> feeds.deleted(store.table(def), start, end, now));
    }

    @Override
    public void merge(String objectName, String masterId, List<String> mergedIds) {
        ObjectDef def = objectOr404(objectName);
        long master = keyOr404(masterId);
        List<Long> losers = new ArrayList<>();
        for (String id : mergedIds) {
            losers.add(keyOr404(id));
        }
        long userKey = store.keyOf(admin.id());
        long now = clock.millis();
        store.write(() -> {
            writer.merge(def, master, losers, userKey, now);
            return null;
        });
    }

    @Override
    public Map<String, Object> mutate(long seed, int creates, int updates, int deletes) {
        long userKey = store.keyOf(admin.id());
        long now = clock.millis();
        // All or nothing: a mutation that fails half-way leaves no trace.
        return store.atomically(() -> new OrgMutator(store, writer, seed, userKey, now).run(creates, updates, deletes));
    }

    @Override
    public Map<String, Object> redefineFormula(String objectName, String fieldName, double factor) {
        ObjectDef def = schema.object(objectName);
        if (def == null) {
            throw invalidInput("Unknown object: " + objectName);
        }
        FieldDef field = fieldName == null ? null : def.field(fieldName);
        if (field == null) {
            throw invalidInput("Unknown field: " + def.name() + "." + fieldName);
        }
        if (!field.calculated()) {
            throw invalidInput(def.name() + "." + field.name() + " is not a calculated (formula) field");
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw invalidInput("factor must be a positive number: " + factor);
        }
        boolean scaled = store.write(() -> store.table(def).formulaFactor(field, factor));
        if (!scaled) {
            throw invalidInput(def.name() + "." + field.name() + " is a formula the emulator cannot redefine");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("object", def.name());
        result.put("field", field.name());
        result.put("factor", factor);
        return result;
    }

    /** Holds the store's write lock for the whole of {@code work} and undoes its changes if it throws. */
    @Override
    public <T> T atomically(Supplier<T> work) {
        return store.atomically(work);
    }

    /**
     * One unit of work of the store, with no journal of its own: an {@link #atomically} inside it then journals (and
     * rolls back) only itself, since none is running, while the unit's end publishes all that remained at once.
     */
    @Override
    public <T> T inOneTransaction(Supplier<T> work) {
        return store.write(work);
    }

    /** Per object: live, deleted (in the recycle bin) and purged (deleted more than 15 days ago, gone for good). */
    @Override
    public Map<String, Map<String, Long>> recordCounts() {
        long now = clock.millis();
        return store.read(() -> {
            Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
            for (ObjectTable t : store.tables()) {
                long deleted = 0;
                long purged = 0;
                for (int row = 0; row < t.size(); row++) {
                    if (t.isPurged(row, now)) {
                        purged++;
                    } else if (t.isDeleted(row)) {
                        deleted++;
                    }
                }
                Map<String, Long> c = new LinkedHashMap<>();
                c.put("live", t.size() - deleted - purged);
                c.put("deleted", deleted);
                c.put("purged", purged);
                counts.put(t.def().name(), c);
            }
            return counts;
        });
    }

    /**
     * From now on, stamp writes up to {@code maxLag} in the past, as long transactions do on a busy
     * org (see {@link RecordWriter#setCommitLag}). {@code Duration.ZERO} switches it off.
     */
    public void setCommitLag(Duration maxLag, long seed) {
        store.write(() -> {
            writer.setCommitLag(maxLag, seed);
            return null;
        });
    }

    /** Total rows across all objects, live and deleted. */
    public long totalRecords() {
        return store.read(() -> store.tables().stream().mapToLong(ObjectTable::size).sum());
    }

    /** No user means the admin: an unauthenticated internal call sees everything. */
    private static boolean isRestricted(OrgUser user) {
        return user != null && user.restricted();
    }

    private long userKey(OrgUser user) {
        return store.keyOf((user == null ? admin : user).id());
    }

    private ObjectDef objectOr404(String objectName) {
        ObjectDef def = schema.object(objectName);
        if (def == null) {
            throw notFound();
        }
        return def;
    }

    private long keyOr404(String id) {
        long key = store.keyOf(id);
        if (key == RecordStore.NO_KEY) {
            throw notFound();
        }
        return key;
    }

    private static SalesforceError invalidInput(String message) {
        return new SalesforceError(400, "INVALID_API_INPUT", message);
    }

    private static SalesforceError notFound() {
        return new SalesforceError(404, "NOT_FOUND", "The requested resource does not exist");
    }
}
