package dev.mosaic.graph;

import dev.mosaic.platform.ids.TimeOrderedIds;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of a timeline. {@code subjectRecord} is the source record the event is about (an interaction,
 * a deal, a contact's record); {@code subjectEntity} the entity it happened to when that is what matters
 * (merges). Timelines of organizations and contacts gather events through both.
 */
public record TimelineEvent(UUID eventId, Instant occurredAt, String kind, UUID subjectRecord, UUID subjectEntity,
                            String summary, Map<String, Object> detail) {

    /** A new event with a fresh id. */
    public static TimelineEvent of(Instant at, String kind, UUID subjectRecord, UUID subjectEntity, String summary,
                                   Map<String, Object> detail) {
        return new TimelineEvent(TimeOrderedIds.next(), at, kind, subjectRecord, subjectEntity, summary, detail);
    }
}
