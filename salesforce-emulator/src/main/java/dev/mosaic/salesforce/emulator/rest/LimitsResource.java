package dev.mosaic.salesforce.emulator.rest;

import dev.mosaic.salesforce.emulator.http.ApiRequest;
import dev.mosaic.salesforce.emulator.http.ApiResponse;
import dev.mosaic.salesforce.emulator.limits.ApiUsage;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /limits}: the daily API allowance as counted, and the Bulk allowances connectors read. */
public final class LimitsResource implements DataHandler {
    static final long BULK_V2_QUERY_JOBS_PER_DAY = 10_000;
    private final ApiUsage usage;

    public LimitsResource(ApiUsage usage) {
        this.usage = usage;
    }

    @Override
    public ApiResponse handle(DataCall call) {
        if (call.segments().size() != 1) {
            return ApiResponse.notFound();
        }
        if (!ApiRequest.isRead(call.method())) {
            return ApiResponse.methodNotAllowed(call.method(), "GET,HEAD");
        }
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("ConcurrentAsyncGetReportInstances", limit(200, 200));
        limits.put("DailyApiRequests", limit(usage.dailyLimit(), usage.remaining()));
        limits.put("DailyAsyncApexExecutions", limit(250_000, 250_000));
        limits.put("DailyBulkApiBatches", limit(15_000, 15_000));
        limits.put("DailyBulkV2QueryFileStorageMB", limit(976_562, 976_562));
        limits.put("DailyBulkV2QueryJobs", limit(BULK_V2_QUERY_JOBS_PER_DAY,
                Math.max(0, BULK_V2_QUERY_JOBS_PER_DAY - usage.bulkQueryJobs())));
        limits.put("DataStorageMB", limit(1024, 1000));
        limits.put("FileStorageMB", limit(20_480, 20_480));
        limits.put("HourlyTimeBasedWorkflow", limit(1000, 1000));
        limits.put("SingleEmail", limit(5000, 5000));
        return ApiResponse.ok(limits);
    }

    private static Map<String, Object> limit(long max, long remaining) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("Max", max);
        entry.put("Remaining", remaining);
        return entry;
    }
}
