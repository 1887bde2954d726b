package dev.mosaic.salesforce.emulator.rest;

import dev.mosaic.salesforce.emulator.http.ApiRequest;
import dev.mosaic.salesforce.emulator.http.Json;
import dev.mosaic.salesforce.emulator.http.QueryString;
import dev.mosaic.salesforce.emulator.org.OrgUser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One authenticated call to the data API: {@code /services/data/v<version>/<segments>}. Top-level
 * requests and composite subrequests both become a DataCall, so they run through the same handlers.
 *
 * @param version  the API version without the {@code v}, e.g. {@code 59.0}
 * @param segments the path segments after the version
 */
public record DataCall(String method, String version, List<String> segments, Map<String, String> query,
                       ApiRequest request, OrgUser user) {

    /** Builds a call from a URL such as {@code /services/data/v59.0/sobjects/Account?x=y} or batch's {@code v59.0/…}. */
    public static Optional<DataCall> fromUrl(String method, String url, byte[] body, ApiRequest parent, OrgUser user) {
        String path = url;
        String rawQuery = null;
        int question = url.indexOf('?');
        if (question >= 0) {
            path = url.substring(0, question);
            rawQuery = url.substring(question + 1);
        }
        if (path.startsWith("/services/data/")) {
            path = path.substring("/services/data/".length());
        } else if (path.startsWith("/")) {
            path = path.substring(1);
        }
        List<String> parts = new ArrayList<>(Arrays.asList(path.split("/", -1)));
        if (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        if (parts.isEmpty() || !ApiVersions.isVersionSegment(parts.get(0))
                || !ApiVersions.isSupported(parts.get(0).substring(1))) {
            return Optional.empty();
        }
        String version = parts.remove(0).substring(1);
        Map<String, String> query = QueryString.parse(rawQuery);
        ApiRequest request = new ApiRequest(method, "/services/data/v" + version + "/" + String.join("/", parts), query,
                parent.headers(), body);
        return Optional.of(new DataCall(method, version, List.copyOf(parts), query, request, user));
    }

    public String segment(int index) {
        return index < segments.size() ? segments.get(index) : null;
    }

    public String versionPath() {
        return "v" + version;
    }

    public Optional<String> header(String name) {
        return request.header(name);
    }

    public Map<String, Object> jsonBody() {
        return Json.readObject(request.body());
    }

    /**
     * The stats key of an endpoint: {@code query}, {@code sobjects}, {@code composite/batch}, {@code jobs/query},
     * {@code jobs/ingest}, …
     */
    public static String endpointKey(List<String> segments) {
        if (segments.isEmpty()) {
            return "resources";
        }
        String first = segments.get(0);
        if (segments.size() > 1 && (first.equals("composite") && segments.get(1).equals("batch")
                || first.equals("jobs") && (segments.get(1).equals("query") || segments.get(1).equals("ingest")))) {
            return first + "/" + segments.get(1);
        }
        return first;
    }
}
