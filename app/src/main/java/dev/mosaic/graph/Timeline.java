package dev.mosaic.graph;

import static dev.mosaic.platform.database.SqlTimes.utc;

import dev.mosaic.platform.json.Json;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/** Writes timeline events. Events are appended; only an interaction's or a note's own entry follows its record. */
@Service
public class Timeline {

    private final DSLContext db;
    private final Clock clock;

    public Timeline(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void append(String tenantId, TimelineEvent event) {
        db.execute("insert into timeline_event (tenant_id, event_id, occurred_at, kind, subject_record, subject_entity, "
                        + "summary, detail, recorded_at) values (?, ?, ?::timestamptz, ?, ?, ?, ?, ?::jsonb, ?::timestamptz)",
                tenantId, event.eventId(), utc(event.occurredAt()), event.kind(), event.subjectRecord(),
                event.subjectEntity(), event.summary(), Json.write(event.detail()), utc(clock.instant()));
    }

    /**
     * The entry that stands for an interaction or a note itself: keyed by its record, so a changed subject
     * updates the entry instead of adding a second one, and a deleted record takes its entry away.
     */
    void putRecordEntry(String tenantId, StoredRecord record, TimelineEvent event) {
        if (record.deleted()) {
            db.execute("delete from timeline_event where tenant_id = ? and event_id = ?", tenantId, record.recordId());
            return;
        }
        db.execute("insert into timeline_event (tenant_id, event_id, occurred_at, kind, subject_record, subject_entity, "
                        + "summary, detail, recorded_at) values (?, ?, ?::timestamptz, ?, ?, ?, ?, ?::jsonb, ?::timestamptz) "
                        + "on conflict (tenant_id, event_id) do update set occurred_at = excluded.occurred_at, "
                        + "kind = excluded.kind, summary = excluded.summary, detail = excluded.detail",
                tenantId, record.recordId(), utc(event.occurredAt()), event.kind(), record.recordId(),
                event.subjectEntity(), event.summary(), Json.write(event.detail()), utc(clock.instant()));
    }
}
