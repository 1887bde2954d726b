package dev.mosaic.salesforce.emulator.bulk;

import dev.mosaic.salesforce.emulator.org.SalesforceError;

import java.util.Map;

/** What the query and ingest resources share in reading job requests and refusing them. */
final class BulkCalls {
    private BulkCalls() {
    }

    /** A job request's entry as text, or {@code fallback} when it is absent or null. */
    static String text(Map<String, Object> body, String key, String fallback) {
        Object value = body.get(key);
        return value == null ? fallback : String.valueOf(value);
    }

    static SalesforceError invalidJob(String message) {
        return new SalesforceError(400, "INVALIDJOB", message);
    }

    static SalesforceError notFound() {
        return new SalesforceError(404, "NOT_FOUND", "The requested resource does not exist");
    }
}
