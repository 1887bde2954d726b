package dev.mosaic.salesforce.emulator.cdc;

import dev.mosaic.salesforce.emulator.org.schema.ObjectDef;
import dev.mosaic.salesforce.emulator.org.schema.StandardSchema;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;
import dev.mosaic.salesforce.emulator.org.store.RowChange;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * An org's Change Data Capture: which objects publish change events (five by default, Salesforce's default limit),
 * their schemas, and the event log every write of the org feeds, one event per record per transaction. Topics are
 * {@code /data/ChangeEvents} (every enabled object) and {@code /data/<Object>ChangeEvent}.
 */
public final class ChangeDataCapture {

    public static final String ALL_CHANGES = "/data/ChangeEvents";
    /** What an org selects for Change Data Capture until told otherwise. */
    public static final List<String> DEFAULT_ENABLED = List.of("Account", "Contact", "Lead", "Opportunity", "Task");
    /** Objects Salesforce publishes no change events for. */
    private static final Set<String> UNSUPPORTED = Set.of("Note");
    private static final String OVERFLOW_RECORD_ID = "000000000000000AAA";

    private final RecordStore store;
    private final StandardSchema schema;
    private final Clock clock;
    private final ChangeEventLog log;
    private final Map<String, ChangeEventSchema> schemas = new ConcurrentHashMap<>();
    private volatile Set<String> enabled = new LinkedHashSet<>(DEFAULT_ENABLED);
    private long commitNumber;

    public ChangeDataCapture(RecordStore store, Clock clock) {
        this.store = store;
        this.schema = store.schema();
        this.clock = clock;
        this.log = new ChangeEventLog(clock, 1_000L);
        store.onChanges(this::capture);
    }

    public ChangeEventLog log() {
        return log;
    }

    public Set<String> enabled() {
        return Set.copyOf(enabled);
    }

    /** Selects the objects that publish change events, replacing the selection; unknown or unsupported ones refused. */
    public void enable(List<String> objects) {
        Set<String> next = new LinkedHashSet<>();
        for (String name : objects) {
            ObjectDef def = schema.object(name);
            if (def == null || UNSUPPORTED.contains(def.name())) {
                throw new IllegalArgumentException(name + " does not support Change Data Capture");
            }
            next.add(def.name());
        }
        enabled = next;
    }

    /** The object a topic names, when it is a change event channel of an enabled object; empty for the all-objects one. */
    public Optional<ChangeEventSchema> topicSchema(String topic) {
        if (topic == null || !topic.startsWith("/data/") || !topic.endsWith("ChangeEvent")) {
            return Optional.empty();
        }
        String object = topic.substring("/data/".length(), topic.length() - "ChangeEvent".length());
        return enabled.contains(object) ? Optional.of(schemaOf(schema.object(object))) : Optional.empty();
    }

    public boolean isTopic(String topic) {
        return ALL_CHANGES.equals(topic) || topicSchema(topic).isPresent();
    }

    /** Which stored events a subscriber of this topic gets. */
    public Predicate<ChangeEventLog.Event> topicFilter(String topic) {
        if (ALL_CHANGES.equals(topic)) {
            return event -> true;
        }
        String object = topic.substring("/data/".length(), topic.length() - "ChangeEvent".length());
        return event -> event.entity().equals(object);
    }

    /** A schema by its id, among the objects' current schemas. */
    public Optional<ChangeEventSchema> schemaById(String id) {
        for (ObjectDef def : schema.objects()) {
            ChangeEventSchema candidate = schemaOf(def);
            if (candidate.id().equals(id)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public ChangeEventSchema schemaOf(ObjectDef object) {
        return schemas.computeIfAbsent(object.name(), name -> ChangeEventSchema.of(object));
    }

    /** Publishes a gap event of {@code changeType} (GAP_CREATE, GAP_UPDATE…) for these records of one object. */
    public void gap(String object, String changeType, List<String> recordIds) {
        ObjectDef def = schema.object(object);
        if (def == null || !ChangeEventSchema.CHANGE_TYPES.contains(changeType) || !changeType.startsWith("GAP_")) {
            throw new IllegalArgumentException("a gap names an object and GAP_CREATE, GAP_UPDATE, GAP_DELETE or GAP_UNDELETE");
        }
        publishHeaderOnly(def, changeType, recordIds);
    }

    /** Publishes the GAP_OVERFLOW a transaction of more than 100,000 changes ends with, for one object. */
    public void overflow(String object) {
        ObjectDef def = schema.object(object);
        if (def == null) {
            throw new IllegalArgumentException("no object " + object);
        }
        publishHeaderOnly(def, "GAP_OVERFLOW", List.of(OVERFLOW_RECORD_ID));
    }

    private void publishHeaderOnly(ObjectDef def, String changeType, List<String> recordIds) {
        ChangeEventSchema eventSchema = schemaOf(def);
        long now = clock.millis();
        ChangeEventEncoder.Commit commit = new ChangeEventEncoder.Commit(transactionKey(), 1, now, nextCommitNumber(), "");
        log.append(List.of(new ChangeEventLog.Event(0, def.name(), eventSchema.id(),
                ChangeEventEncoder.gap(eventSchema, recordIds, changeType, commit), now)));
    }

    /** One unit of work's changes, as one transaction's events (called under the store's write lock). */
    private void capture(List<RowChange> changes) {
        Set<String> on = enabled;
        long now = clock.millis();
        String transactionKey = transactionKey();
        long number = nextCommitNumber();
        List<ChangeEventLog.Event> events = new ArrayList<>();
        Map<RowChange, String> users = new LinkedHashMap<>();
        for (RowChange change : changes) {
            if (on.contains(change.table().def().name())) {
                Object user = change.table().get(change.row(), change.table().def().field("LastModifiedById"));
                users.put(change, user == null ? "" : store.idOf((Long) user));
            }
        }
        int sequence = 0;
        for (Map.Entry<RowChange, String> entry : users.entrySet()) {
            RowChange change = entry.getKey();
            ChangeEventSchema eventSchema = schemaOf(change.table().def());
            ChangeEventEncoder.Commit commit = new ChangeEventEncoder.Commit(transactionKey, ++sequence, now, number,
                    entry.getValue());
            events.add(new ChangeEventLog.Event(0, change.table().def().name(), eventSchema.id(),
                    ChangeEventEncoder.encode(eventSchema, store, change, commit), now));
        }
        log.append(events);
    }

    private synchronized long nextCommitNumber() {
        return ++commitNumber;
    }

    private static String transactionKey() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
