package dev.mosaic.salesforce.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the emulator's handlers see it, detached from the JDK exchange so that composite
 * subrequests can be routed through the same handlers in-process.
 *
 * @param path    the decoded path, without query string
 * @param query   query-string parameters (first value wins)
 * @param headers header values keyed by lower-case name
 */
public record ApiRequest(String method, String path, Map<String, String> query,
                         Map<String, List<String>> headers, byte[] body) {

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    /** GET or HEAD: HEAD is answered like GET, without the body. */
    public static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    public String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Method, path and the names (not values) of parameters and headers: values carry access tokens,
     * client secrets and passwords, and the body may too, so none of them may reach a log.
     */
    @Override
    public String toString() {
        return "ApiRequest[" + method + " " + path + ", query=" + query.keySet() + ", headers=" + headers.keySet()
                + ", body=" + (body == null ? 0 : body.length) + " bytes]";
    }
}
