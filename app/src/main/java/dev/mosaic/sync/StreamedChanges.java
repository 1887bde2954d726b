package dev.mosaic.sync;

import dev.mosaic.salesforce.client.QueryPage;
import dev.mosaic.salesforce.client.SalesforceClient;
import dev.mosaic.salesforce.client.pubsub.ChangeEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Applies a batch of change events: the records they name are read again whole, by id (deleted ones too), and written
 * through the graph's batch path with the stream's new replay id, in one transaction. An event is a notice that a
 * record changed, not its new state: reading the record makes a duplicate, a late or a reordered event harmless (the
 * newest state is written whatever came first), fills in what an update event leaves out (unchanged and calculated
 * fields), and handles a gap event like any other. It costs one query per object per batch of up to 100 events.
 */
@Component
class StreamedChanges {

    /** What a batch came to: records written, and the objects an overflow says changed beyond what events name. */
    record Applied(int records, Set<SyncedObject> overflowed) {
    }

    private final SyncStore store;
    private final ChunkWriter writer;

    StreamedChanges(SyncStore store, ChunkWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    Applied apply(RoundContext round, List<ChangeEvent> events, Runnable alsoCommit) {
        Map<SyncedObject, Set<String>> named = new EnumMap<>(SyncedObject.class);
        Set<SyncedObject> overflowed = new LinkedHashSet<>();
        for (ChangeEvent event : events) {
            Optional<SyncedObject> object = SyncedObject.find(event.entity());
            if (object.isEmpty() || ChildLinks.Relation.ofChild(object.get()).isPresent()) {
                // Not in the graph, or a relation row: the object's polling rounds keep it.
                continue;
            }
            if (event.isOverflow()) {
                overflowed.add(object.get());
                continue;
            }
            // A wildcard ("001*": a field type changed) names no record; the polling rounds read what it changed.
            event.recordIds().stream().filter(id -> !id.endsWith("*"))
                    .forEach(id -> named.computeIfAbsent(object.get(), o -> new LinkedHashSet<>()).add(id));
        }
        Map<SyncedObject, List<SalesforceRow>> rows = new EnumMap<>(SyncedObject.class);
        named.forEach((object, ids) -> store.storedSchema(round.tenantId(), round.connectionId(), object)
                // An object not described yet has its initial load ahead of it, which reads these records anyway.
                .ifPresent(schema -> rows.put(object, read(round, object, schema, List.copyOf(ids)))));
        writer.writeStreamed(round, rows, alsoCommit);
        return new Applied(rows.values().stream().mapToInt(List::size).sum(), overflowed);
    }

    private List<SalesforceRow> read(RoundContext round, SyncedObject object, ObjectSchema schema, List<String> ids) {
        SalesforceClient client = round.api().client();
        FieldGroups groups = FieldGroups.of(schema);
        List<SalesforceRow> rows = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += WideRecords.IDS_PER_QUERY) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + WideRecords.IDS_PER_QUERY));
            QueryPage page = round.api().call("read streamed " + object.apiName() + " changes",
                    () -> client.queryAll(Soql.byIds(object.apiName(), groups.first(), some)));
            rows.addAll(WideRecords.rows(round.api(), object.apiName(), schema, groups, page));
        }
        return rows;
    }
}
