package dev.mosaic.salesforce.emulator.rest;

import dev.mosaic.salesforce.emulator.http.ApiRequest;
import dev.mosaic.salesforce.emulator.http.ApiResponse;
import dev.mosaic.salesforce.emulator.org.Org;
import dev.mosaic.salesforce.emulator.org.QueryMode;
import dev.mosaic.salesforce.emulator.org.QueryResult;
import dev.mosaic.salesforce.emulator.org.SalesforceError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /query?q=} and {@code /queryAll?q=}, and their next pages under {@code /query/<locator>} and
 * {@code /queryAll/<locator>} (a queryAll locator is served under {@code /query/} too, as the docs say).
 */
public final class QueryResource implements DataHandler {
    static final int DEFAULT_BATCH = 2000;
    static final int MIN_BATCH = 200;

    private final Org org;
    private final QueryCursors cursors;
    private final QueryMode mode;

    public QueryResource(Org org, QueryCursors cursors, QueryMode mode) {
        this.org = org;
        this.cursors = cursors;
        this.mode = mode;
    }

    @Override
    public ApiResponse handle(DataCall call) {
        if (!ApiRequest.isRead(call.method())) {
            return ApiResponse.methodNotAllowed(call.method(), "GET,HEAD");
        }
        if (call.segments().size() == 1) {
            String soql = call.query().get("q");
            if (soql == null || soql.isBlank()) {
                throw new SalesforceError(400, "MALFORMED_QUERY", "A query string has to be specified");
            }
            QueryResult result = org.query(soql, mode, call.user());
            return page(call, result, null, 0, batchSize(call).orElse(DEFAULT_BATCH));
        }
        if (call.segments().size() == 2) {
            return nextPage(call, call.segments().get(1));
        }
        return ApiResponse.notFound();
    }

    private ApiResponse nextPage(DataCall call, String locator) {
        int dash = locator.lastIndexOf('-');
        if (dash <= 0) {
            throw invalidLocator();
        }
        int offset;
        try {
            offset = Integer.parseInt(locator.substring(dash + 1));
        } catch (NumberFormatException e) {
            throw invalidLocator();
        }
        QueryCursors.Cursor cursor = cursors.find(locator.substring(0, dash), call.user()).orElseThrow(QueryResource::invalidLocator);
        if (offset < 0 || offset > cursor.result().totalSize()) {
            throw invalidLocator();
        }
        return page(call, cursor.result(), cursor, offset, batchSize(call).orElse(cursor.batchSize()));
    }

    private ApiResponse page(DataCall call, QueryResult result, QueryCursors.Cursor cursor, int from, int batchSize) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("totalSize", result.totalSize());
        if (result.isCount()) {
            body.put("done", true);
            body.put("records", List.of());
            return ApiResponse.ok(body);
        }
        int to = Math.min(result.totalSize(), from + batchSize);
        boolean done = to >= result.totalSize();
        body.put("done", done);
        if (!done) {
            QueryCursors.Cursor open = cursor != null ? cursor : cursors.open(result, call.user(), batchSize);
            body.put("nextRecordsUrl", "/services/data/" + call.versionPath() + "/query/" + open.id() + "-" + to);
        }
        body.put("records", result.restRecords(from, to, call.version()));
        return ApiResponse.ok(body);
    }

    /**
     * {@code Sforce-Query-Options: batchSize=N}. Salesforce treats the size as a hint between 200 and 2000,
     * so values outside that range are clamped rather than refused.
     */
    static Optional<Integer> batchSize(DataCall call) {
        return call.header("sforce-query-options").flatMap(options -> {
            for (String option : options.split("[,;]")) {
                String[] kv = option.trim().split("=", 2);
                if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("batchSize")) {
                    try {
                        int size = Integer.parseInt(kv[1].trim());
                        return Optional.of(Math.max(MIN_BATCH, Math.min(DEFAULT_BATCH, size)));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        });
    }

    private static SalesforceError invalidLocator() {
        return new SalesforceError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }
}
