package dev.mosaic.graph;

import static dev.mosaic.platform.database.SqlArrays.rowsWithKeyIn;
import static dev.mosaic.platform.database.SqlArrays.texts;
import static dev.mosaic.platform.database.SqlArrays.times;
import static dev.mosaic.platform.database.SqlArrays.uuids;
import static dev.mosaic.platform.database.SqlTimes.utc;

import dev.mosaic.platform.database.CopyIn;
import dev.mosaic.platform.json.Json;
import dev.mosaic.platform.text.StorableTime;
import dev.mosaic.platform.time.IsoInstants;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Writes timeline events, many in one statement. Events are appended; only an interaction's or a note's
 * own entry follows its record. That entry keeps no copy of the record's fields: the timeline shows them from the
 * record itself, which it finds by the entry's id (the record's). A copy doubled what an interaction wrote (an
 * email's body twice, each compressed on its own) for a detail that is read a page at a time.
 */
@Service
public class Timeline {

    private static final String UNNEST_EVENTS = "unnest(?::uuid[], ?::timestamptz[], ?::text[], ?::uuid[], ?::uuid[], "
            + "?::text[], ?::json[]) as e(event_id, occurred_at, kind, subject_record, subject_entity, summary, detail)";

    private final DSLContext db;
    private final Clock clock;

    public Timeline(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** New events (fresh ids), in one COPY. */
    public void appendAll(String tenantId, List<TimelineEvent> events) {
        Instant recordedAt = clock.instant();
        CopyIn rows = CopyIn.into("timeline_event", "tenant_id", "event_id", "occurred_at", "kind", "subject_record",
                "subject_entity", "summary", "detail", "recorded_at");
        for (TimelineEvent event : events) {
            rows.row(tenantId, event.eventId(), event.occurredAt(), event.kind(), event.subjectRecord(), event.subjectEntity(),
                    event.summary(), Json.write(event.detail()), recordedAt);
        }
        rows.copy(db);
    }

    /**
     * The entries that stand for interactions and notes themselves: keyed by their record, so a changed subject
     * updates the entry instead of adding a second one, and a deleted record takes its entry away.
     *
     * @param created records new in this chunk: their entries are new too
     * @param updated records written before
     */
    void putRecordEntries(String tenantId, List<StoredRecord> created, List<StoredRecord> updated) {
        appendAll(tenantId, created.stream().filter(Timeline::hasOwnEntry).filter(record -> !record.deleted())
                .map(Timeline::entryOf).toList());
        List<TimelineEvent> entries = new ArrayList<>();
        List<UUID> removed = new ArrayList<>();
        for (StoredRecord record : updated) {
            if (hasOwnEntry(record) && record.deleted()) {
                removed.add(record.recordId());
            } else if (hasOwnEntry(record)) {
                entries.add(entryOf(record));
            }
        }
        if (!removed.isEmpty()) {
            db.execute("delete from timeline_event where tenant_id = ? and " + rowsWithKeyIn("timeline_event", "event_id"),
                    tenantId, uuids(removed), tenantId);
        }
        if (!entries.isEmpty()) {
            db.execute("insert into timeline_event (tenant_id, event_id, occurred_at, kind, subject_record, subject_entity, "
                    + "summary, detail, recorded_at) select ?, e.*, ?::timestamptz from " + UNNEST_EVENTS
                    + " on conflict (tenant_id, event_id) do update set occurred_at = excluded.occurred_at, "
                    + "kind = excluded.kind, summary = excluded.summary, detail = excluded.detail", eventBinds(tenantId, entries));
        }
    }

    private static boolean hasOwnEntry(StoredRecord record) {
        return record.type().isTimelineEntry();
    }

    private Object[] eventBinds(String tenantId, List<TimelineEvent> events) {
        return new Object[] {tenantId, utc(clock.instant()), uuids(events, TimelineEvent::eventId),
                times(events, TimelineEvent::occurredAt), texts(events, TimelineEvent::kind),
                uuids(events, TimelineEvent::subjectRecord), uuids(events, TimelineEvent::subjectEntity),
                texts(events, TimelineEvent::summary), texts(events, event -> Json.write(event.detail()))};
    }

    private static TimelineEvent entryOf(StoredRecord record) {
        Map<String, FieldValue> fields = record.fields();
        boolean interaction = record.type() == EntityType.INTERACTION;
        Instant occurredAt = parseInstant(valueOf(fields, interaction ? "occurredAt" : "createdAt"))
                .orElse(record.firstSeenAt());
        String what = interaction
                ? capitalize(String.valueOf(fields.containsKey("type") ? valueOf(fields, "type") : "interaction"))
                : "Note";
        Object subject = valueOf(fields, interaction ? "subject" : "title");
        String summary = subject == null ? what : what + ": " + subject;
        return new TimelineEvent(record.recordId(), occurredAt, interaction ? "interaction" : "note", record.recordId(),
                record.entityId(), summary, Map.of());
    }

    private static Object valueOf(Map<String, FieldValue> fields, String name) {
        FieldValue field = fields.get(name);
        return field == null ? null : field.value();
    }

    /** A time Mosaic stores (the years 1000 to 9999, as ingest checks); else the entry takes the record's first sight. */
    private static Optional<Instant> parseInstant(Object value) {
        try {
            return value == null ? Optional.empty() : Optional.of(IsoInstants.parse(String.valueOf(value)))
                    .filter(time -> StorableTime.problem(time).isEmpty());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
