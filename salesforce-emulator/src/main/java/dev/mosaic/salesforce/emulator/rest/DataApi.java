package dev.mosaic.salesforce.emulator.rest;

import dev.mosaic.salesforce.emulator.http.ApiRequest;
import dev.mosaic.salesforce.emulator.http.ApiResponse;
import dev.mosaic.salesforce.emulator.limits.ApiUsage;
import dev.mosaic.salesforce.emulator.limits.CallStats;
import dev.mosaic.salesforce.emulator.oauth.AccessTokens;
import dev.mosaic.salesforce.emulator.oauth.Session;
import dev.mosaic.salesforce.emulator.oauth.TokenStore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The front door of {@code /services/data}: the unauthenticated versions list, then for versioned
 * paths the session check, the daily API allowance and {@code Sforce-Limit-Info} on every response.
 */
public final class DataApi {
    public static final String LIMIT_INFO = "Sforce-Limit-Info";

    private final TokenStore tokens;
    private final ApiUsage usage;
    private final CallStats stats;
    private final DataRouter router;

    public DataApi(TokenStore tokens, ApiUsage usage, CallStats stats, DataRouter router) {
        this.tokens = tokens;
        this.usage = usage;
        this.stats = stats;
        this.router = router;
    }

    public ApiResponse handle(ApiRequest request) {
        String rest = request.path().length() <= "/services/data".length() ? ""
                : request.path().substring("/services/data/".length());
        List<String> parts = new ArrayList<>(Arrays.asList(rest.split("/", -1)));
        if (parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        if (parts.isEmpty()) {
            stats.count("versions");
            // The versions list is free: no session, no API call counted, no limit header.
            return ApiRequest.isRead(request.method()) ? ApiResponse.ok(ApiVersions.list())
                    : ApiResponse.methodNotAllowed(request.method(), "GET,HEAD");
        }
        String versionSegment = parts.remove(0);
        if (!ApiVersions.isVersionSegment(versionSegment) || !ApiVersions.isSupported(versionSegment.substring(1))) {
            return ApiResponse.notFound();
        }
        String endpoint = DataCall.endpointKey(parts);
        stats.count(endpoint);
        Optional<Session> session = AccessTokens.from(request).flatMap(tokens::session);
        if (session.isEmpty()) {
            return invalidSession();
        }
        // composite/batch counts each of its subrequests instead of itself.
        if (!endpoint.equals("composite/batch") && !usage.tryConsume()) {
            return limitExceeded().header(LIMIT_INFO, usage.limitInfoHeader());
        }
        DataCall call = new DataCall(request.method(), versionSegment.substring(1), List.copyOf(parts), request.query(),
                request, session.get().user());
        return router.route(call).header(LIMIT_INFO, usage.limitInfoHeader());
    }

    public static ApiResponse invalidSession() {
        return ApiResponse.error(401, "INVALID_SESSION_ID", "Session expired or invalid");
    }

    public static ApiResponse limitExceeded() {
        return ApiResponse.error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
    }
}
