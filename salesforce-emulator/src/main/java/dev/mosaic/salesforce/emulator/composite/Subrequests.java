package dev.mosaic.salesforce.emulator.composite;

import dev.mosaic.salesforce.emulator.http.ApiRequest;
import dev.mosaic.salesforce.emulator.http.ApiResponse;
import dev.mosaic.salesforce.emulator.http.Json;
import dev.mosaic.salesforce.emulator.org.SalesforceError;
import dev.mosaic.salesforce.emulator.rest.DataCall;
import dev.mosaic.salesforce.emulator.rest.DataRouter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/** Runs one subrequest in-process through the same data handlers as a top-level request. */
final class Subrequests {
    private final DataRouter router;

    Subrequests(DataRouter router) {
        this.router = router;
    }

    ApiResponse run(DataCall parent, String method, String url, Object body) {
        return run(parent, method, url, body, Map.of());
    }

    /** @param headers the subrequest's own {@code httpHeaders}, which override the parent request's */
    ApiResponse run(DataCall parent, String method, String url, Object body, Map<String, String> headers) {
        if (method == null || url == null) {
            return ApiResponse.error(400, "INVALID_API_INPUT", "Each subrequest needs a method and a url");
        }
        byte[] bytes = body == null ? new byte[0] : Json.write(body);
        ApiRequest base = parent.request();
        if (!headers.isEmpty()) {
            Map<String, List<String>> merged = new LinkedHashMap<>(base.headers());
            headers.forEach((name, value) -> merged.put(name.toLowerCase(Locale.ROOT), List.of(value)));
            base = new ApiRequest(base.method(), base.path(), base.query(), merged, base.body());
        }
        Optional<DataCall> call = DataCall.fromUrl(method.toUpperCase(Locale.ROOT), url, bytes, base, parent.user());
        if (call.isEmpty()) {
            return ApiResponse.notFound();
        }
        List<String> segments = call.get().segments();
        if (!segments.isEmpty() && (segments.get(0).equals("composite") || segments.get(0).equals("jobs"))) {
            return ApiResponse.error(new SalesforceError(400, "INVALID_API_INPUT",
                    "The resource " + url + " is not supported in a composite request"));
        }
        return router.route(call.get());
    }

    static boolean isQuery(String url) {
        if (url == null) {
            return false;
        }
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return path.matches("(/services/data/)?/?v\\d+\\.\\d+/(query|queryAll)(/.*)?");
    }
}
