package dev.mosaic.salesforce.emulator.bulk;

import dev.mosaic.salesforce.emulator.http.ApiResponse;
import dev.mosaic.salesforce.emulator.rest.DataCall;
import dev.mosaic.salesforce.emulator.rest.DataHandler;

/** {@code /jobs/…}: Bulk 2.0 query jobs under {@code jobs/query}, ingest jobs under {@code jobs/ingest}. */
public final class BulkJobsRouter implements DataHandler {
    private final DataHandler query;
    private final DataHandler ingest;

    public BulkJobsRouter(DataHandler query, DataHandler ingest) {
        this.query = query;
        this.ingest = ingest;
    }

    @Override
    public ApiResponse handle(DataCall call) {
        String kind = call.segment(1);
        if ("query".equals(kind)) {
            return query.handle(call);
        }
        if ("ingest".equals(kind)) {
            return ingest.handle(call);
        }
        return ApiResponse.notFound();
    }
}
