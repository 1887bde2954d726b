package dev.mosaic.salesforce.emulator.faults;

import dev.mosaic.salesforce.emulator.http.ApiResponse;
import dev.mosaic.salesforce.emulator.org.soql.QueryTimeout;

/** What each injected fault answers, mirroring what Salesforce (or its edge) sends in that situation. */
public final class FaultResponses {
    private FaultResponses() {
    }

    /** The response for faults that answer instead of serving; the others are handled by the server. */
    public static ApiResponse of(FaultKind kind, String limitInfo) {
        return switch (kind) {
            case REQUEST_LIMIT_EXCEEDED -> ApiResponse.error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")
                    .header("Sforce-Limit-Info", limitInfo);
            case INVALID_SESSION_ID -> ApiResponse.error(401, "INVALID_SESSION_ID", "Session expired or invalid");
            case SERVER_UNAVAILABLE -> ApiResponse.empty(503);
            case TOO_MANY_REQUESTS -> ApiResponse.empty(429);
            case QUERY_TIMEOUT -> ApiResponse.error(QueryTimeout.exceeded())
                    .header("Sforce-Limit-Info", limitInfo);
            case HTML_PAGE -> ApiResponse.text(200, "text/html;charset=UTF-8", "<!DOCTYPE html><html><head><title>"
                    + "Down for maintenance</title></head><body><h1>We are down for maintenance</h1><p>Please try again "
                    + "later.</p></body></html>");
            case DROP_CONNECTION, SLOW, TRUNCATED_BODY ->
                    throw new IllegalArgumentException(kind + " has no response of its own");
        };
    }
}
