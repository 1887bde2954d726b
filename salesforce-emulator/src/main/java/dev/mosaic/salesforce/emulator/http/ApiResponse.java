package dev.mosaic.salesforce.emulator.http;

import dev.mosaic.salesforce.emulator.org.SalesforceError;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A response before serialization. JSON bodies stay as objects so composite can embed a subrequest's
 * body without re-parsing it; other bodies (CSV, HTML) are raw bytes.
 */
public final class ApiResponse {
    public static final String JSON = "application/json;charset=UTF-8";

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Object json;
    private final byte[] raw;
    private final boolean hasJson;

    private ApiResponse(int status, Object json, byte[] raw, boolean hasJson, String contentType) {
        this.status = status;
        this.json = json;
        this.raw = raw;
        this.hasJson = hasJson;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, body, null, true, JSON);
    }

    public static ApiResponse ok(Object body) {
        return json(200, body);
    }

    /** A status with no body at all (204, and the edge's bodiless 429/503). */
    public static ApiResponse empty(int status) {
        return new ApiResponse(status, null, null, false, null);
    }

    public static ApiResponse raw(int status, String contentType, byte[] body) {
        return new ApiResponse(status, null, body, false, contentType);
    }

    public static ApiResponse text(int status, String contentType, String body) {
        return raw(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Salesforce's error array: {@code [{"message","errorCode","fields"?}]}, {@code fields} omitted when empty. */
    public static ApiResponse error(SalesforceError error) {
        return json(error.httpStatus(), List.of(errorEntry(error)));
    }

    public static ApiResponse error(int status, String errorCode, String message) {
        return error(new SalesforceError(status, errorCode, message));
    }

    public static Map<String, Object> errorEntry(SalesforceError error) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("message", error.getMessage());
        entry.put("errorCode", error.errorCode());
        if (!error.fields().isEmpty()) {
            entry.put("fields", error.fields());
        }
        return entry;
    }

    public static ApiResponse notFound() {
        return error(404, "NOT_FOUND", "The requested resource does not exist");
    }

    public static ApiResponse methodNotAllowed(String method, String allowed) {
        ApiResponse response = error(405, "METHOD_NOT_ALLOWED",
                "HTTP Method '" + method + "' not allowed. Allowed are " + allowed);
        return response.header("Allow", allowed);
    }

    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public boolean hasJson() {
        return hasJson;
    }

    /** The JSON body as Maps/Lists/scalars, or null when the body is not JSON. */
    public Object json() {
        return json;
    }

    /** The body as bytes, or null for a bodiless response. */
    public byte[] bodyBytes() {
        if (hasJson) {
            return Json.write(json);
        }
        return raw;
    }
}
