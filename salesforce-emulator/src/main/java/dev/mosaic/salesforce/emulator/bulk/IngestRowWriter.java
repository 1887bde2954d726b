package dev.mosaic.salesforce.emulator.bulk;

import dev.mosaic.salesforce.emulator.org.Org;
import dev.mosaic.salesforce.emulator.org.SalesforceError;
import dev.mosaic.salesforce.emulator.org.store.SalesforceIds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies one CSV row of an ingest job to the org, in a transaction of its own within the chunk's, and records the
 * outcome in the job's results: a row that fails leaves nothing and keeps the others. Bulk's CSV conventions: an
 * empty value leaves the field as it is (unset, on insert), {@code #N/A} sets it to null.
 */
final class IngestRowWriter {
    static final String NULL_VALUE = "#N/A";

    private final Org org;
    private final BulkIngestJob job;
    private final List<String> columns;
    private final int idColumn;

    IngestRowWriter(Org org, BulkIngestJob job, List<String> columns) {
        this.org = org;
        this.job = job;
        this.columns = columns;
        this.idColumn = indexOfId(columns);
    }

    void write(List<String> row) {
        String id = idColumn < 0 ? "" : row.get(idColumn).trim();
        try {
            String object = job.header.object();
            switch (job.operation) {
                case insert -> job.results.succeeded(org.atomically(() -> org.create(object, fields(row), job.user)),
                        true, row);
                case update -> {
                    update(requireId(id, "update"), row);
                    job.results.succeeded(id, false, row);
                }
                case upsert -> {
                    // Upsert by Id: a row without one is a new record.
                    if (id.isEmpty()) {
                        job.results.succeeded(org.atomically(() -> org.create(object, fields(row), job.user)), true,
                                row);
                    } else {
                        update(id, row);
                        job.results.succeeded(id, false, row);
                    }
                }
                case delete -> {
                    requireId(id, "delete");
                    org.atomically(() -> {
                        org.delete(object, id, job.user);
                        return null;
                    });
                    job.results.succeeded(id, false, row);
                }
                default -> throw new IllegalStateException("no such operation: " + job.operation);
            }
        } catch (SalesforceError e) {
            job.results.failed(id, errorText(asBulkError(e, id)), row);
        }
    }

    private void update(String id, List<String> row) {
        org.atomically(() -> {
            org.update(job.header.object(), id, fields(row), job.user);
            return null;
        });
    }

    /** The row as a record body: empty values left out, {@code #N/A} as null, the Id column not a field to set. */
    private Map<String, Object> fields(List<String> row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String value = row.get(i);
            if (i == idColumn && job.operation.identifiesById() || value.isEmpty()) {
                continue;
            }
            fields.put(columns.get(i), value.equals(NULL_VALUE) ? null : value);
        }
        return fields;
    }

    private static String requireId(String id, String call) {
        if (id.isEmpty()) {
            throw new SalesforceError(400, "MISSING_ARGUMENT", "Id not specified in an " + call + " call");
        }
        return id;
    }

    /**
     * The REST API answers an id that names no record with 404 NOT_FOUND; a Bulk row reports it as Salesforce's DML
     * does, as a malformed id or an invalid cross reference.
     */
    private static SalesforceError asBulkError(SalesforceError e, String id) {
        if (!e.errorCode().equals("NOT_FOUND")) {
            return e;
        }
        if (SalesforceIds.canonical15(id) == null) {
            return new SalesforceError(400, "MALFORMED_ID", "Id: id value of incorrect type: " + id, List.of("Id"));
        }
        return new SalesforceError(400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id");
    }

    /** Salesforce's {@code sf__Error}: {@code CODE:message:Field1,Field2 --}, or {@code CODE:message:--}. */
    static String errorText(SalesforceError e) {
        String fields = e.fields().isEmpty() ? "--" : String.join(",", e.fields()) + " --";
        return e.errorCode() + ":" + e.getMessage() + ":" + fields;
    }

    private static int indexOfId(List<String> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase("Id")) {
                return i;
            }
        }
        return -1;
    }
}
