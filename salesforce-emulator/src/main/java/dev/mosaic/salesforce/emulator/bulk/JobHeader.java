package dev.mosaic.salesforce.emulator.bulk;

import dev.mosaic.salesforce.emulator.http.Ids;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a Bulk 2.0 job, query or ingest, is created with and never changes, and the job-info entries both kinds
 * share, in Salesforce's order.
 */
record JobHeader(String id, String operation, String object, String createdById, Instant createdDate,
                 String apiVersion, CsvSettings csv) {
    private static final DateTimeFormatter SALESFORCE_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    /** Bulk jobs are AsyncApexJob-like records: key prefix 750. */
    static String newJobId() {
        return Ids.withChecksum("750" + Ids.random(12));
    }

    /**
     * The short job info (the create response, the job list's entries). {@code externalIdFieldName} and
     * {@code contentUrl} appear only when not null, as only upsert jobs and ingest jobs have them.
     */
    Map<String, Object> summary(JobState state, Instant systemModstamp, String externalIdFieldName, String contentUrl) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", id);
        info.put("operation", operation);
        info.put("object", object);
        info.put("createdById", createdById);
        info.put("createdDate", SALESFORCE_DATETIME.format(createdDate));
        info.put("systemModstamp", SALESFORCE_DATETIME.format(systemModstamp));
        info.put("state", state.name());
        if (externalIdFieldName != null) {
            info.put("externalIdFieldName", externalIdFieldName);
        }
        info.put("concurrencyMode", "Parallel");
        info.put("contentType", "CSV");
        info.put("apiVersion", Double.parseDouble(apiVersion));
        if (contentUrl != null) {
            info.put("contentUrl", contentUrl);
        }
        info.put("lineEnding", csv.lineEnding());
        info.put("columnDelimiter", csv.columnDelimiter());
        return info;
    }

    /** The summary with {@code jobType}, where the full job info has it: right before {@code lineEnding}. */
    static Map<String, Object> withJobType(Map<String, Object> summary, String jobType) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        summary.forEach((k, v) -> {
            if (k.equals("lineEnding")) {
                ordered.put("jobType", jobType);
            }
            ordered.put(k, v);
        });
        return ordered;
    }
}
