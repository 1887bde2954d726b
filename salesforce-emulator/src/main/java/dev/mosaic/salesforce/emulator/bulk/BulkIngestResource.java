package dev.mosaic.salesforce.emulator.bulk;

import dev.mosaic.salesforce.emulator.http.ApiRequest;
import dev.mosaic.salesforce.emulator.http.ApiResponse;
import dev.mosaic.salesforce.emulator.org.Org;
import dev.mosaic.salesforce.emulator.org.SalesforceError;
import dev.mosaic.salesforce.emulator.rest.DataCall;
import dev.mosaic.salesforce.emulator.rest.DataHandler;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bulk API 2.0 ingest: {@code /jobs/ingest[/{id}[/batches|/successfulResults|/failedResults|/unprocessedrecords]]}.
 * A job is created Open, takes one CSV upload, is closed (UploadComplete) and then processed on the executor.
 */
public final class BulkIngestResource implements DataHandler {
    private final Org org;
    private final BulkIngestJobs jobs;

    public BulkIngestResource(Org org, BulkIngestJobs jobs) {
        this.org = org;
        this.jobs = jobs;
    }

    @Override
    public ApiResponse handle(DataCall call) {
        List<String> s = call.segments();
        String method = call.method();
        if (s.size() == 2) {
            return switch (method) {
                case "POST" -> create(call);
                case "GET", "HEAD" -> list();
                default -> ApiResponse.methodNotAllowed(method, "GET,HEAD,POST");
            };
        }
        BulkIngestJob job = jobs.find(s.get(2)).orElseThrow(BulkCalls::notFound);
        if (s.size() == 3) {
            return switch (method) {
                case "GET", "HEAD" -> ApiResponse.ok(job.info());
                case "PATCH" -> changeState(call, job);
                case "DELETE" -> delete(job);
                default -> ApiResponse.methodNotAllowed(method, "GET,HEAD,PATCH,DELETE");
            };
        }
        if (s.size() != 4) {
            return ApiResponse.notFound();
        }
        return switch (s.get(3)) {
            case "batches" -> method.equals("PUT") ? upload(call, job) : ApiResponse.methodNotAllowed(method, "PUT");
            case "successfulResults" -> results(call, job, IngestResults::successfulCsv);
            case "failedResults" -> results(call, job, IngestResults::failedCsv);
            case "unprocessedrecords" -> results(call, job, IngestResults::unprocessedCsv);
            default -> ApiResponse.notFound();
        };
    }

    private ApiResponse create(DataCall call) {
        Map<String, Object> body = call.jsonBody();
        String objectName = BulkCalls.text(body, "object", null);
        if (objectName == null || objectName.isBlank()) {
            throw BulkCalls.invalidJob("The object is required.");
        }
        IngestOperation operation = IngestOperation.parse(BulkCalls.text(body, "operation", null));
        CsvSettings csv = CsvSettings.fromJobRequest(body);
        String object = objectNamed(objectName, call);
        String externalIdFieldName = externalIdField(operation, BulkCalls.text(body, "externalIdFieldName", null),
                object);
        BulkIngestJob job = new BulkIngestJob(new JobHeader(JobHeader.newJobId(), operation.name(), object,
                call.user().id(), org.now(), call.version(), csv), operation, externalIdFieldName, call.user());
        jobs.add(job);
        return ApiResponse.ok(job.summary());
    }

    /** The object's name as the org spells it; Salesforce refuses a job on an object it does not know. */
    private String objectNamed(String name, DataCall call) {
        try {
            return String.valueOf(org.describe(name, call.user(), call.version()).get("name"));
        } catch (SalesforceError e) {
            if (e.httpStatus() == 404) {
                throw BulkCalls.invalidJob("sObject type '" + name + "' is not supported.");
            }
            throw e;
        }
    }

    /**
     * Upsert matches rows on its external id field. The emulated schema defines no custom external id fields, so Id,
     * which Salesforce also accepts, is the only one.
     */
    private static String externalIdField(IngestOperation operation, String name, String object) {
        if (operation != IngestOperation.upsert) {
            return null;
        }
        if (name == null || name.isBlank()) {
            throw BulkCalls.invalidJob("An upsert job requires externalIdFieldName.");
        }
        if (!name.equalsIgnoreCase("Id")) {
            throw BulkCalls.invalidJob("Field name provided, " + name + " is not an External ID or indexed field for "
                    + object);
        }
        return "Id";
    }

    private ApiResponse list() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("done", true);
        body.put("records", jobs.all().stream().map(BulkIngestJob::summary).toList());
        body.put("nextRecordsUrl", null);
        return ApiResponse.ok(body);
    }

    /** Salesforce answers the upload with 201 and no body. */
    private static ApiResponse upload(DataCall call, BulkIngestJob job) {
        String contentType = call.header("Content-Type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
            throw BulkCalls.invalidJob("Unsupported Content-Type: " + contentType + ". Upload the job's data as text/csv.");
        }
        job.upload(call.request().body());
        return ApiResponse.empty(201);
    }

    /** Salesforce deletes a job only while nothing writes to it: not while Open or InProgress. */
    private ApiResponse delete(BulkIngestJob job) {
        JobState state = job.state();
        if (state == JobState.Open || state == JobState.InProgress) {
            throw BulkCalls.invalidJob("Job " + job.id() + " is in state " + state + "; a job can be deleted once it is "
                    + "UploadComplete, JobComplete, Aborted or Failed.");
        }
        jobs.remove(job.id());
        return ApiResponse.empty(204);
    }

    private ApiResponse changeState(DataCall call, BulkIngestJob job) {
        Object state = call.jsonBody().get("state");
        if ("UploadComplete".equals(state)) {
            jobs.close(job);
        } else if ("Aborted".equals(state)) {
            jobs.abort(job);
        } else {
            throw BulkCalls.invalidJob("Invalid state: " + state + ". An ingest job can be set to UploadComplete or "
                    + "Aborted.");
        }
        return ApiResponse.ok(job.summary());
    }

    /** Results are known once the job has ended: completed, failed, or aborted (then partly unprocessed). */
    private static ApiResponse results(DataCall call, BulkIngestJob job, ResultsCsv csv) {
        if (!ApiRequest.isRead(call.method())) {
            return ApiResponse.methodNotAllowed(call.method(), "GET,HEAD");
        }
        JobState state = job.state();
        if (!state.isTerminal()) {
            throw new SalesforceError(412, "JOB_NOT_COMPLETE", "The job " + job.id() + " is in state " + state
                    + "; its results are available once it has ended.");
        }
        String body = csv.render(job.results, job.header.csv().format());
        return ApiResponse.raw(200, "text/csv", body.getBytes(StandardCharsets.UTF_8));
    }

    /** One of the three result CSVs of {@link IngestResults}. */
    @FunctionalInterface
    private interface ResultsCsv {
        String render(IngestResults results, CsvFormat format);
    }
}
