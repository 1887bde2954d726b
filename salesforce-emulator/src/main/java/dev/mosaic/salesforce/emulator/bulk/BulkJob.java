package dev.mosaic.salesforce.emulator.bulk;

import java.time.Instant;
import java.util.Map;

/**
 * What Bulk 2.0 query and ingest jobs share: their header, and the state machine the client and the executor move
 * (every change stamps {@code systemModstamp}; an ended job stays ended, so an abort wins over a late completion).
 * Subclasses guard their own fields with the same monitor.
 */
abstract class BulkJob {
    final JobHeader header;

    private JobState state;
    private Instant systemModstamp;
    private String errorMessage;

    BulkJob(JobHeader header, JobState initial) {
        this.header = header;
        this.state = initial;
        this.systemModstamp = header.createdDate();
    }

    String id() {
        return header.id();
    }

    synchronized JobState state() {
        return state;
    }

    /** Moves to a new state unless the job already ended (an abort wins over a late completion). */
    synchronized boolean moveTo(JobState next, Instant at) {
        if (state.isTerminal()) {
            return false;
        }
        state = next;
        systemModstamp = at;
        return true;
    }

    /** Moves from {@code expected} only, so that two clients cannot both close (or the processing both start) a job. */
    synchronized boolean moveFrom(JobState expected, JobState next, Instant at) {
        return state == expected && moveTo(next, at);
    }

    synchronized void fail(String message, Instant at) {
        if (moveTo(JobState.Failed, at)) {
            errorMessage = message;
        }
    }

    /** The short form of the job info, with what only some jobs have (null: left out). */
    synchronized Map<String, Object> summary(String externalIdFieldName, String contentUrl) {
        return header.summary(state, systemModstamp, externalIdFieldName, contentUrl);
    }

    /** Ends the full job info: why it failed, when it did. */
    synchronized Map<String, Object> withErrorMessage(Map<String, Object> info) {
        if (errorMessage != null) {
            info.put("errorMessage", errorMessage);
        }
        return info;
    }
}
