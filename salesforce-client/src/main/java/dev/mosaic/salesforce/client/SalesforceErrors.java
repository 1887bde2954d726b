package dev.mosaic.salesforce.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;

/**
 * Reads Salesforce's error answers (the REST API's {@code [{"message","errorCode"}]}, OAuth's
 * {@code {"error","error_description"}}, or no body at all) and classifies them into a {@link Disposition}.
 */
final class SalesforceErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SPLIT_CODES = Set.of("QUERY_TIMEOUT", "QUERY_TOO_COMPLICATED");
    private static final int MAX_BODY_IN_MESSAGE = 300;

    private SalesforceErrors() {
    }

    /** @param request what was asked, for the message ("GET /services/data/v59.0/query"), never with a token */
    static SalesforceException of(String request, int status, String body) {
        String code = "";
        String text = "";
        try {
            JsonNode json = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (json != null && json.isArray() && !json.isEmpty()) {
                code = json.get(0).path("errorCode").asText("");
                text = json.get(0).path("message").asText("");
            } else if (json != null && json.isObject()) {
                code = json.path("error").asText(json.path("errorCode").asText(""));
                text = json.path("error_description").asText(json.path("message").asText(""));
            }
        } catch (IOException notJson) {
            text = body.length() > MAX_BODY_IN_MESSAGE ? body.substring(0, MAX_BODY_IN_MESSAGE) + "…" : body;
        }
        Disposition disposition = classify(status, code);
        String message = request + " answered " + status + (code.isEmpty() ? "" : " " + code)
                + (text.isEmpty() ? "" : ": " + text) + " (" + advice(disposition) + ")";
        return new SalesforceException(disposition, status, code, message, null);
    }

    static SalesforceException noResponse(String request, IOException cause) {
        return new SalesforceException(Disposition.RETRY, 0, "", request + " got no answer (" + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + "); " + advice(Disposition.RETRY), cause);
    }

    static Disposition classify(int status, String code) {
        if (code.equals("invalid_grant") || code.equals("invalid_client_id") || code.equals("invalid_client")
                || code.equals("unauthorized_client") || code.equals("inactive_user") || code.equals("inactive_org")) {
            return Disposition.NEEDS_RECONNECT;
        }
        if (status == 401) {
            return Disposition.REAUTH;
        }
        if (code.equals("REQUEST_LIMIT_EXCEEDED")) {
            return Disposition.RATE_LIMITED;
        }
        if (SPLIT_CODES.contains(code) || status == 414 || status == 431) {
            return Disposition.SPLIT;
        }
        if (status >= 500 || status == 420 || status == 429 || code.equals("SERVER_UNAVAILABLE")
                || code.equals("UNABLE_TO_LOCK_ROW")) {
            return Disposition.RETRY;
        }
        return Disposition.FAIL;
    }

    private static String advice(Disposition disposition) {
        return switch (disposition) {
            case RETRY -> "try again after a pause";
            case REAUTH -> "log in again and repeat";
            case RATE_LIMITED -> "the org's daily API limit is spent; wait for its window";
            case NEEDS_RECONNECT -> "the connection must be reconnected with a new refresh token";
            case SPLIT -> "ask for fewer records or fields at a time";
            case FAIL -> "the request is wrong; repeating it will not help";
        };
    }
}
