package dev.mosaic.salesforce.emulator.bulk;

import dev.mosaic.salesforce.emulator.http.ApiRequest;
import dev.mosaic.salesforce.emulator.http.ApiResponse;
import dev.mosaic.salesforce.emulator.limits.ApiUsage;
import dev.mosaic.salesforce.emulator.org.Org;
import dev.mosaic.salesforce.emulator.org.QueryMode;
import dev.mosaic.salesforce.emulator.org.QueryResult;
import dev.mosaic.salesforce.emulator.org.SalesforceError;
import dev.mosaic.salesforce.emulator.rest.DataCall;
import dev.mosaic.salesforce.emulator.rest.DataHandler;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bulk API 2.0 query: {@code /jobs/query[/{id}[/results]]}. */
public final class BulkQueryResource implements DataHandler {
    static final int DEFAULT_MAX_RECORDS = 10_000;
    static final long MAX_JOBS_PER_DAY = 10_000;

    private final Org org;
    private final BulkQueryJobs jobs;
    private final ApiUsage usage;

    public BulkQueryResource(Org org, BulkQueryJobs jobs, ApiUsage usage) {
        this.org = org;
        this.jobs = jobs;
        this.usage = usage;
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
        BulkQueryJob job = jobs.find(s.get(2)).orElseThrow(BulkCalls::notFound);
        if (s.size() == 3) {
            return switch (method) {
                case "GET", "HEAD" -> ApiResponse.ok(job.info());
                case "PATCH" -> abort(call, job);
                case "DELETE" -> {
                    jobs.remove(job.id());
                    yield ApiResponse.empty(204);
                }
                default -> ApiResponse.methodNotAllowed(method, "GET,HEAD,PATCH,DELETE");
            };
        }
        if (s.size() == 4 && s.get(3).equals("results")) {
            return ApiRequest.isRead(method) ? results(call, job) : ApiResponse.methodNotAllowed(method, "GET,HEAD");
        }
        return ApiResponse.notFound();
    }

    private ApiResponse create(DataCall call) {
        Map<String, Object> body = call.jsonBody();
        String operation = BulkCalls.text(body, "operation", null);
        if (!"query".equals(operation) && !"queryAll".equals(operation)) {
            throw BulkCalls.invalidJob("Invalid operation: " + operation + ". Valid operations are query and queryAll.");
        }
        String soql = BulkCalls.text(body, "query", null);
        if (soql == null || soql.isBlank()) {
            throw BulkCalls.invalidJob("The query is required.");
        }
        CsvSettings csv = CsvSettings.fromJobRequest(body);
        if (usage.bulkQueryJobs() >= MAX_JOBS_PER_DAY) {
            throw new SalesforceError(400, "LIMIT_EXCEEDED", "Max bulk v2 query jobs (" + MAX_JOBS_PER_DAY
                    + ") per 24 hrs has been reached (" + (usage.bulkQueryJobs() + 1) + ")");
        }
        QueryMode mode = operation.equals("query") ? QueryMode.BULK_QUERY : QueryMode.BULK_QUERY_ALL;
        QueryResult result = org.query(soql, mode, call.user());
        usage.countBulkQueryJob();
        BulkQueryJob job = new BulkQueryJob(JobHeader.newJobId(), operation, call.user().id(), org.now(),
                call.version(), csv.columnDelimiter(), csv.lineEnding(), result);
        Map<String, Object> created = job.summary();
        jobs.submit(job);
        return ApiResponse.ok(created);
    }

    private ApiResponse list() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("done", true);
        body.put("records", jobs.all().stream().map(BulkQueryJob::summary).toList());
        body.put("nextRecordsUrl", null);
        return ApiResponse.ok(body);
    }

    private ApiResponse abort(DataCall call, BulkQueryJob job) {
        Object state = call.jsonBody().get("state");
        if (!"Aborted".equals(state)) {
            throw BulkCalls.invalidJob("Invalid state: " + state + ". A query job can only be set to Aborted.");
        }
        if (!job.moveTo(JobState.Aborted, org.now()) && job.state() != JobState.Aborted) {
            throw BulkCalls.invalidJob("Job with state " + job.state() + " cannot be aborted.");
        }
        return ApiResponse.ok(job.info());
    }

    private ApiResponse results(DataCall call, BulkQueryJob job) {
        // The docs: results must be fetched with the API version that created the job, else 409. They name no
        // error code, so ours is descriptive.
        if (!call.version().equals(job.header.apiVersion())) {
            throw new SalesforceError(409, "API_VERSION_MISMATCH", "The job " + job.id() + " was created with API version "
                    + job.header.apiVersion() + "; fetch its results with the same version, not " + call.version() + ".");
        }
        if (job.state() != JobState.JobComplete) {
            throw new SalesforceError(412, "JOB_NOT_COMPLETE",
                    "The job " + job.id() + " is in state " + job.state() + "; results are available once it is JobComplete.");
        }
        int offset = locatorOffset(call.query().get("locator"));
        int maxRecords = maxRecords(call.query().get("maxRecords"));
        int total = job.result.totalSize();
        if (offset > total) {
            throw new SalesforceError(400, "INVALIDLOCATOR", "Invalid locator: " + call.query().get("locator"));
        }
        int to = (int) Math.min(total, (long) offset + maxRecords);
        CsvFormat format = job.header.csv().format();
        StringBuilder csv = new StringBuilder();
        format.appendRow(csv, job.result.csvHeader());
        for (List<String> row : job.result.csvRows(offset, to)) {
            format.appendRow(csv, row);
        }
        // Clients loop while the locator is not the literal string "null".
        String next = to < total ? encodeLocator(to) : "null";
        return ApiResponse.raw(200, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                .header("Sforce-NumberOfRecords", String.valueOf(to - offset))
                .header("Sforce-Locator", next);
    }

    /** Locators are opaque to clients; ours are Base64 of the row offset, like Salesforce's {@code MTAwMDA}. */
    static String encodeLocator(int offset) {
        return Base64.getEncoder().withoutPadding().encodeToString(String.valueOf(offset).getBytes(StandardCharsets.US_ASCII));
    }

    private static int locatorOffset(String locator) {
        if (locator == null || locator.isEmpty() || locator.equals("null")) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(new String(Base64.getDecoder().decode(locator), StandardCharsets.US_ASCII));
            if (offset < 0) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw new SalesforceError(400, "INVALIDLOCATOR", "Invalid locator: " + locator);
        }
    }

    private static int maxRecords(String raw) {
        if (raw == null || raw.isEmpty()) {
            return DEFAULT_MAX_RECORDS;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new SalesforceError(400, "INVALIDJOB", "maxRecords must be a positive integer: " + raw);
    }
}
