package dev.mosaic.salesforce.emulator.composite;

import dev.mosaic.salesforce.emulator.http.ApiResponse;
import dev.mosaic.salesforce.emulator.limits.ApiUsage;
import dev.mosaic.salesforce.emulator.org.Org;
import dev.mosaic.salesforce.emulator.org.SalesforceError;
import dev.mosaic.salesforce.emulator.rest.DataCall;
import dev.mosaic.salesforce.emulator.rest.DataHandler;
import dev.mosaic.salesforce.emulator.rest.DataRouter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /composite} (one API call, references between subrequests; with allOrNone the whole request runs
 * in one {@link Org#atomically} transaction, undone when a subrequest fails) and
 * {@code POST /composite/batch} (independent subrequests, each counted, haltOnError).
 */
public final class CompositeResource implements DataHandler {
    static final int MAX_SUBREQUESTS = 25;
    static final int MAX_QUERIES = 5;
    private static final String ROLLED_BACK =
            "The transaction was rolled back since another operation in the same transaction failed.";

    private final Subrequests subrequests;
    private final ApiUsage usage;
    private final Org org;

    public CompositeResource(DataRouter router, ApiUsage usage, Org org) {
        this.subrequests = new Subrequests(router);
        this.usage = usage;
        this.org = org;
    }

    @Override
    public ApiResponse handle(DataCall call) {
        List<String> s = call.segments();
        if (s.size() == 1 || s.size() == 2 && s.get(1).equals("batch")) {
            if (!"POST".equals(call.method())) {
                return ApiResponse.methodNotAllowed(call.method(), "POST");
            }
            return s.size() == 1 ? composite(call) : batch(call);
        }
        return ApiResponse.notFound();
    }

    private ApiResponse composite(DataCall call) {
        Map<String, Object> body = call.jsonBody();
        boolean allOrNone = Boolean.TRUE.equals(body.get("allOrNone"));
        List<Map<String, Object>> requests = requestList(body.get("compositeRequest"), "compositeRequest");
        if (requests.stream().filter(r -> Subrequests.isQuery(string(r.get("url")))).count() > MAX_QUERIES) {
            throw new SalesforceError(400, "LIMIT_EXCEEDED",
                    "A composite request may contain at most " + MAX_QUERIES + " query operations");
        }
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> r : requests) {
            String ref = string(r.get("referenceId"));
            if (ref == null || !ref.matches("[A-Za-z][A-Za-z0-9_]*") || !seen.add(ref)) {
                throw new SalesforceError(400, "INVALID_API_INPUT",
                        "Each subrequest needs a unique referenceId of letters, digits and underscores: " + ref);
            }
        }

        List<Map<String, Object>> responses = new ArrayList<>();
        if (!allOrNone) {
            runAll(call, requests, responses, false);
            return ApiResponse.ok(Map.of("compositeResponse", responses));
        }
        try {
            org.atomically(() -> {
                if (runAll(call, requests, responses, true)) {
                    throw new RolledBack();
                }
                return null;
            });
        } catch (RolledBack rolledBack) {
            for (int i = 0; i < responses.size(); i++) {
                Map<String, Object> response = responses.get(i);
                if ((int) response.get("httpStatusCode") < 400) {
                    responses.set(i, subresponse((String) response.get("referenceId"),
                            ApiResponse.error(400, "PROCESSING_HALTED", ROLLED_BACK)));
                }
            }
        }
        return ApiResponse.ok(Map.of("compositeResponse", responses));
    }

    /**
     * Runs the subrequests in order, adding one subresponse each; with {@code haltOnFailure} those after
     * the first failure are not run. Returns whether any failed.
     */
    private boolean runAll(DataCall call, List<Map<String, Object>> requests, List<Map<String, Object>> responses,
                           boolean haltOnFailure) {
        References references = new References();
        boolean failed = false;
        for (Map<String, Object> r : requests) {
            String ref = string(r.get("referenceId"));
            if (failed && haltOnFailure) {
                responses.add(subresponse(ref, ApiResponse.error(400, "PROCESSING_HALTED", ROLLED_BACK)));
                continue;
            }
            ApiResponse response;
            try {
                String url = references.resolveText(string(r.get("url")));
                Object subBody = references.resolveJson(r.get("body"));
                response = subrequests.run(call, string(r.get("method")), url, subBody, headers(r.get("httpHeaders")));
            } catch (References.Unresolved unresolved) {
                response = ApiResponse.error(400, "PROCESSING_HALTED", "Invalid reference specified. No value for "
                        + unresolved.reference + " found in " + unresolved.reference.split("\\.")[0]
                        + ". Provided referenceId ('" + unresolved.reference.split("\\.")[0]
                        + "') must start with a letter or a number, and it can contain only letters, numbers and underscores ('_').");
            }
            if (response.status() >= 400) {
                failed = true;
            } else {
                references.remember(ref, response.json());
            }
            responses.add(subresponse(ref, response));
        }
        return failed;
    }

    /** Thrown out of an allOrNone transaction so the org undoes its writes. */
    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super(null, null, false, false);
        }
    }

    private ApiResponse batch(DataCall call) {
        Map<String, Object> body = call.jsonBody();
        boolean haltOnError = Boolean.TRUE.equals(body.get("haltOnError"));
        List<Map<String, Object>> requests = requestList(body.get("batchRequests"), "batchRequests");
        List<Map<String, Object>> results = new ArrayList<>();
        boolean hasErrors = false;
        boolean halted = false;
        for (Map<String, Object> r : requests) {
            ApiResponse response;
            if (halted) {
                response = ApiResponse.error(412, "BATCH_PROCESSING_HALTED", "Batch processing halted per request");
            } else if (!usage.tryConsume()) {
                response = ApiResponse.error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
            } else {
                response = subrequests.run(call, string(r.get("method")), string(r.get("url")), r.get("richInput"));
            }
            if (response.status() >= 400) {
                hasErrors = true;
                halted = haltOnError;
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("statusCode", response.status());
            result.put("result", response.hasJson() ? response.json() : null);
            results.add(result);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hasErrors", hasErrors);
        out.put("results", results);
        return ApiResponse.ok(out);
    }

    private static Map<String, String> headers(Object value) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
        }
        return headers;
    }

    private static Map<String, Object> subresponse(String referenceId, ApiResponse response) {
        Map<String, Object> headers = new LinkedHashMap<>(response.headers());
        headers.remove("Content-Type");
        Map<String, Object> sub = new LinkedHashMap<>();
        sub.put("body", response.hasJson() ? response.json() : null);
        sub.put("httpHeaders", headers);
        sub.put("httpStatusCode", response.status());
        sub.put("referenceId", referenceId);
        return sub;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> requestList(Object value, String name) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new SalesforceError(400, "INVALID_API_INPUT", name + " must be a non-empty array");
        }
        if (list.size() > MAX_SUBREQUESTS) {
            throw new SalesforceError(400, "LIMIT_EXCEEDED",
                    "A request may contain at most " + MAX_SUBREQUESTS + " subrequests; this one has " + list.size());
        }
        for (Object item : list) {
            if (!(item instanceof Map)) {
                throw new SalesforceError(400, "INVALID_API_INPUT", name + " entries must be objects");
            }
        }
        return (List<Map<String, Object>>) (List<?>) list;
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }
}
