package dev.mosaic.salesforce.emulator.faults;

import dev.mosaic.salesforce.emulator.http.ApiResponse;
import dev.mosaic.salesforce.emulator.org.soql.QueryTimeout;

/** What each injected fault answers, mirroring what Salesforce (or its edge) sends in that situation. */
public final class FaultResponses {
    private FaultResponses() {
    }

    /** The response for faults that answer instead of serving; DROP_CONNECTION and SLOW are handled by the server. */
    public static ApiResponse of(FaultKind kind, String limitInfo) {
        return switch (kind) {
            case REQUEST_LIMIT_EXCEEDED -> ApiResponse.error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")
                    .header("Sforce-Limit-Info", limitInfo);
            case INVALID_SESSION_ID -> ApiResponse.error(401, "INVALID_SESSION_ID", "Session expired or invalid");
            case SERVER_UNAVAILABLE -> ApiResponse.empty(503);
            case TOO_MANY_REQUESTS -> ApiResponse.empty(429);
            case QUERY_TIMEOUT -> ApiResponse.error(QueryTimeout.exceeded())
                    .header("Sforce-Limit-Info", limitInfo);
            case DROP_CONNECTION, SLOW -> throw new IllegalArgumentException(kind + " has no response of its own");
        };
    }
}
