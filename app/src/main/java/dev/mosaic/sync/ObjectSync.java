package dev.mosaic.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.connection.SalesforceSettings;
import dev.mosaic.salesforce.client.Disposition;
import dev.mosaic.salesforce.client.QueryPage;
import dev.mosaic.salesforce.client.SalesforceClient;
import dev.mosaic.salesforce.client.SalesforceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads one object of a connection for a round, committing each chunk with its cursor:
 * <ul>
 *   <li>the <b>initial load</b> by a Bulk API 2.0 {@code queryAll} job, page by page (its job and locator are the
 *       cursor), or by REST when Bulk fails for the object;</li>
 *   <li><b>incremental</b> rounds by REST {@code queryAll} over {@code SystemModstamp} windows with a fixed end and a
 *       lookback, in {@code SystemModstamp, Id} order; a {@code QUERY_TIMEOUT} halves the window;</li>
 *   <li>then the records a relation row changed, read again by id.</li>
 * </ul>
 */
@Component
class ObjectSync {

    private static final Logger log = LoggerFactory.getLogger(ObjectSync.class);
    /** Where halving a window from "the beginning" starts: no Salesforce record is older. */
    private static final Instant BEGINNING = Instant.parse("1999-01-01T00:00:00Z");
    private static final Duration SMALLEST_WINDOW = Duration.ofSeconds(1);

    private final SyncStore store;
    private final ChunkWriter writer;
    private final ChildLinks childLinks;
    private final SalesforceSettings settings;
    private final Clock clock;

    ObjectSync(SyncStore store, ChunkWriter writer, ChildLinks childLinks, SalesforceSettings settings, Clock clock) {
        this.store = store;
        this.writer = writer;
        this.childLinks = childLinks;
        this.settings = settings;
        this.clock = clock;
    }

    /** The fields to read: described again when the stored describe is older than the schema check interval. */
    ObjectSchema schema(RoundContext round, SyncedObject object) {
        store.cursor(round.tenantId(), round.connectionId(), object);
        Instant now = clock.instant();
        Optional<ObjectSchema> known = store.schema(round.tenantId(), round.connectionId(), object,
                now.minus(settings.schemaCheck()));
        if (known.isPresent()) {
            return known.get();
        }
        ObjectSchema schema = ObjectSchema.fromDescribe(object.apiName(),
                round.api().call("describe " + object.apiName(), () -> round.api().client().describe(object.apiName())));
        Optional<ObjectSchema> before = store.storedSchema(round.tenantId(), round.connectionId(), object);
        if (before.isPresent() && !before.get().fields().keySet().containsAll(schema.fields().keySet())) {
            // Fields were added (or made readable): every record is read again so they are filled in, not only
            // the records that change from now on.
            SyncCursor cursor = store.cursor(round.tenantId(), round.connectionId(), object);
            store.saveCursor(round.tenantId(), round.connectionId(), object, cursor.fullyRead(null), 0, 0, 0);
            log.info("Salesforce org {}, {}: new fields {}; every record will be read again", round.mapping().orgId(),
                    object.apiName(), schema.fields().keySet().stream().filter(field -> !before.get().has(field)).sorted().toList());
        }
        store.saveSchema(round.tenantId(), round.connectionId(), object, schema, now);
        return schema;
    }

    /** The query an idle incremental round starts with, or empty when the object is mid-window or still loading. */
    Optional<String> firstQuery(RoundContext round, SyncedObject object, ObjectSchema schema) {
        SyncCursor cursor = store.cursor(round.tenantId(), round.connectionId(), object);
        if (cursor.phase() != SyncPhase.INCREMENTAL || cursor.inProgress()) {
            return Optional.empty();
        }
        return Optional.of(Soql.window(object.apiName(), FieldGroups.of(schema).first(), from(cursor), round.roundEnd(),
                null, null));
    }

    /**
     * @param firstPage the answer to {@link #firstQuery}, already fetched by a composite call; null to query now
     */
    void sync(RoundContext round, SyncedObject object, ObjectSchema schema, QueryPage firstPage) {
        SyncCursor cursor = store.cursor(round.tenantId(), round.connectionId(), object);
        if (cursor.phase() == SyncPhase.INITIAL) {
            initialLoad(round, object, schema, cursor);
        } else {
            long started = System.nanoTime();
            Instant from = from(cursor);
            if (!cursor.inProgress()) {
                cursor = cursor.inWindow(round.roundEnd());
            }
            long records = readWindow(round, object, schema, cursor, from, firstPage);
            if (records > 0) {
                log.info("Salesforce org {}, {}: {} changed records synced in {} ms", round.mapping().orgId(),
                        object.apiName(), records, (System.nanoTime() - started) / 1_000_000);
            }
        }
        refreshParents(round, object, schema);
        readAgainIfDue(round, object, schema);
        store.succeeded(round.tenantId(), round.connectionId(), object, clock.instant(), round.roundEnd());
    }

    private Instant from(SyncCursor cursor) {
        return cursor.syncedUntil().minus(settings.lookback());
    }

    private void initialLoad(RoundContext round, SyncedObject object, ObjectSchema schema, SyncCursor cursor) {
        long started = System.nanoTime();
        if (!cursor.inProgress()) {
            cursor = cursor.inWindow(round.roundEnd());
            writer.write(round, object, List.of(), cursor, started, true);
        }
        long records;
        if (cursor.lastStamp() == null) {
            try {
                records = bulkLoad(round, object, schema, cursor);
            } catch (SalesforceException e) {
                if (e.disposition() != Disposition.FAIL && e.disposition() != Disposition.SPLIT) {
                    throw e;
                }
                log.warn("Salesforce org {}, {}: the Bulk API could not read it ({}); reading it by REST instead",
                        round.mapping().orgId(), object.apiName(), e.getMessage());
                SyncCursor restart = store.cursor(round.tenantId(), round.connectionId(), object).bulk(null, null);
                records = readWindow(round, object, schema, restart, null, null);
            }
        } else {
            records = readWindow(round, object, schema, cursor, null, null);
        }
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        log.info("Salesforce org {}, {}: initial load done, {} records in {} s ({} records/s)", round.mapping().orgId(),
                object.apiName(), records, millis / 1000, records * 1000 / millis);
    }

    /** Reads the initial load's Bulk job from the page the cursor names; returns the rows read. */
    private long bulkLoad(RoundContext round, SyncedObject object, ObjectSchema schema, SyncCursor start) {
        SalesforceClient client = round.api().client();
        SyncCursor cursor = start.bulkJobId() == null ? startBulkJob(round, object, schema, start) : start;
        String job = cursor.bulkJobId();
        long rows = round.api().call("wait for Bulk job " + job, () -> client.awaitBulkQuery(job, round.api().sleeper()));
        store.total(round.tenantId(), round.connectionId(), object, rows);
        long total = 0;
        String locator = cursor.bulkLocator();
        try (ChunkSink sink = new ChunkSink(writer, round, object, true, settings.chunkRecords())) {
            do {
                stopIfAsked(round);
                String pageLocator = locator;
                SyncCursor onThisPage = cursor.bulk(job, pageLocator);
                long[] read = {0};
                String next = round.api().call("read Bulk job " + job, () -> {
                    // Read again from its start after a failure: what was gathered of it comes again.
                    sink.forget();
                    read[0] = 0;
                    return client.bulkResultPage(job, pageLocator, settings.bulkPageRecords(), csv -> {
                        sink.add(SalesforceRow.fromCsv(schema, csv));
                        read[0]++;
                        if (sink.full()) {
                            sink.flush(onThisPage);
                        }
                    });
                });
                cursor = next == null ? cursor.bulk(null, null).windowDone() : cursor.bulk(job, next);
                sink.flush(cursor);
                total += read[0];
                locator = next;
            } while (locator != null);
            sink.finish();
        }
        return total;
    }

    /**
     * Starts the object's initial load and its Bulk job, and commits both in its cursor. A round starts every
     * object's job before reading the first, so Salesforce prepares them all while Mosaic writes.
     */
    SyncCursor startBulkJob(RoundContext round, SyncedObject object, ObjectSchema schema, SyncCursor start) {
        SyncCursor cursor = start.inProgress() ? start : start.inWindow(round.roundEnd());
        String soql = Soql.everythingBefore(object.apiName(), schema.fieldList(), cursor.windowEnd());
        String job = round.api().call("start a Bulk query of " + object.apiName(),
                () -> round.api().client().startBulkQuery(soql, true));
        SyncCursor withJob = cursor.bulk(job, null);
        writer.write(round, object, List.of(), withJob, System.nanoTime(), true);
        return withJob;
    }

    /** The cursor of an object whose initial load would start a Bulk job now; empty for any other. */
    Optional<SyncCursor> awaitingBulkJob(RoundContext round, SyncedObject object) {
        SyncCursor cursor = store.cursor(round.tenantId(), round.connectionId(), object);
        boolean awaiting = cursor.phase() == SyncPhase.INITIAL && cursor.bulkJobId() == null && cursor.lastStamp() == null;
        return awaiting ? Optional.of(cursor) : Optional.empty();
    }

    /**
     * Reads the cursor's window by REST from its position, in chunks; ends with the window done.
     *
     * @param from the window's start, or null to read everything before its end
     * @return the records read
     */
    private long readWindow(RoundContext round, SyncedObject object, ObjectSchema schema, SyncCursor start, Instant from,
                            QueryPage firstPage) {
        SalesforceClient client = round.api().client();
        SyncCursor cursor = start;
        Instant end = cursor.windowEnd();
        Instant part = end;
        long records = 0;
        QueryPage prefetched = firstPage;
        while (true) {
            String soql = Soql.window(object.apiName(), FieldGroups.of(schema).first(), from, part, cursor.lastStamp(),
                    cursor.lastId());
            QueryPage page;
            try {
                page = prefetched != null ? prefetched
                        : round.api().call("query " + object.apiName() + " changes", () -> client.queryAll(soql));
            } catch (SalesforceException e) {
                Instant lower = cursor.lastStamp() != null ? cursor.lastStamp() : from != null ? from : BEGINNING;
                if (e.disposition() != Disposition.SPLIT || Duration.between(lower, part).compareTo(SMALLEST_WINDOW) <= 0) {
                    throw e;
                }
                part = Soql.millis(lower.plus(Duration.between(lower, part).dividedBy(2)));
                log.info("Salesforce org {}, {}: {}; reading up to {} first", round.mapping().orgId(), object.apiName(),
                        e.getMessage(), part);
                continue;
            }
            prefetched = null;
            if (cursor.phase() == SyncPhase.INITIAL && cursor.lastStamp() == null && part.equals(end)) {
                store.total(round.tenantId(), round.connectionId(), object, page.totalSize());
            }
            cursor = readPages(round, object, schema, cursor, page);
            records += page.totalSize();
            if (part.equals(end)) {
                break;
            }
            // Everything before the part's end is read: go on from there to the window's end.
            cursor = cursor.at(part, null);
            part = end;
        }
        writer.write(round, object, List.of(), cursor.windowDone(), System.nanoTime(), false);
        return records;
    }

    private SyncCursor readPages(RoundContext round, SyncedObject object, ObjectSchema schema, SyncCursor start,
                                 QueryPage first) {
        SalesforceClient client = round.api().client();
        SyncCursor cursor = start;
        FieldGroups groups = FieldGroups.of(schema);
        try (ChunkSink sink = new ChunkSink(writer, round, object, cursor.phase() == SyncPhase.INITIAL, settings.chunkRecords())) {
            QueryPage page = first;
            while (true) {
                for (JsonNode record : WideRecords.complete(round.api(), object.apiName(), groups, page.records())) {
                    sink.add(SalesforceRow.fromJson(schema, record));
                    if (sink.full()) {
                        cursor = cursor.at(sink.last().systemModstamp(), sink.last().id());
                        sink.flush(cursor);
                        stopIfAsked(round);
                    }
                }
                if (page.nextRecordsUrl() == null) {
                    break;
                }
                QueryPage current = page;
                page = round.api().call("read the next page of " + object.apiName(), () -> client.next(current));
            }
            if (!sink.isEmpty()) {
                cursor = cursor.at(sink.last().systemModstamp(), sink.last().id());
                sink.flush(cursor);
            }
            sink.finish();
        }
        return cursor;
    }

    /**
     * Reads every record again when that is due: daily for objects with calculated fields (a formula or roll-up
     * changes when what it refers to changes, without moving the record's {@code SystemModstamp}), and once after
     * fields were added. By Bulk: a few API calls, and the graph changes only where a value did.
     */
    private void readAgainIfDue(RoundContext round, SyncedObject object, ObjectSchema schema) {
        if (ChildLinks.Relation.ofChild(object).isPresent()) {
            return;
        }
        SyncCursor cursor = store.cursor(round.tenantId(), round.connectionId(), object);
        boolean formulasStale = !schema.calculated().isEmpty() && cursor.fullyReadAt() != null
                && cursor.fullyReadAt().isBefore(clock.instant().minus(settings.formulaRefresh()));
        if (cursor.phase() != SyncPhase.INCREMENTAL || (cursor.fullyReadAt() != null && !formulasStale)) {
            return;
        }
        long started = System.nanoTime();
        SalesforceClient client = round.api().client();
        Instant at = round.roundEnd();
        String soql = Soql.everythingBefore(object.apiName(), schema.fieldList(), at);
        String job = round.api().call("start a Bulk query of " + object.apiName(), () -> client.startBulkQuery(soql, true));
        round.api().call("wait for Bulk job " + job, () -> client.awaitBulkQuery(job, round.api().sleeper()));
        try (ChunkSink sink = new ChunkSink(writer, round, object, true, settings.chunkRecords())) {
            String locator = null;
            do {
                stopIfAsked(round);
                String page = locator;
                locator = round.api().call("read Bulk job " + job, () -> {
                    sink.forget();
                    return client.bulkResultPage(job, page, settings.bulkPageRecords(), csv -> {
                        sink.add(SalesforceRow.fromCsv(schema, csv));
                        if (sink.full()) {
                            sink.flushAgain();
                        }
                    });
                });
                sink.flushAgain();
            } while (locator != null);
            sink.finish();
        }
        store.saveCursor(round.tenantId(), round.connectionId(), object,
                store.cursor(round.tenantId(), round.connectionId(), object).fullyRead(at), 0, 0, 0);
        log.info("Salesforce org {}, {}: every record read again ({}) in {} ms", round.mapping().orgId(), object.apiName(),
                formulasStale ? "calculated fields" : "new fields", (System.nanoTime() - started) / 1_000_000);
    }

    /** Records of this object that a relation row changed: read again by id, with their links. */
    private void refreshParents(RoundContext round, SyncedObject object, ObjectSchema schema) {
        if (ChildLinks.Relation.intoParent(object).isEmpty()) {
            return;
        }
        SalesforceClient client = round.api().client();
        while (true) {
            List<String> ids = childLinks.pending(round.tenantId(), round.connectionId(), object, WideRecords.IDS_PER_QUERY);
            if (ids.isEmpty()) {
                return;
            }
            stopIfAsked(round);
            FieldGroups groups = FieldGroups.of(schema);
            // Live records only: a deleted one is the object's own rounds' to follow.
            QueryPage page = round.api().call("read changed " + object.apiName() + " again",
                    () -> client.query(Soql.byIds(object.apiName(), groups.first(), ids)));
            writer.writeRefreshed(round, object, WideRecords.rows(round.api(), object.apiName(), schema, groups, page), ids);
        }
    }

    private static void stopIfAsked(RoundContext round) {
        if (round.stopping().getAsBoolean()) {
            throw new RoundStoppedException();
        }
    }
}
