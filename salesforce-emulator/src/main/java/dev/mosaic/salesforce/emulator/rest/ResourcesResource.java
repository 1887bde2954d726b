package dev.mosaic.salesforce.emulator.rest;

import dev.mosaic.salesforce.emulator.http.ApiRequest;
import dev.mosaic.salesforce.emulator.http.ApiResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /services/data/vXX.X/}: the resources this version offers. */
public final class ResourcesResource implements DataHandler {
    @Override
    public ApiResponse handle(DataCall call) {
        if (!ApiRequest.isRead(call.method())) {
            return ApiResponse.methodNotAllowed(call.method(), "GET,HEAD");
        }
        String base = "/services/data/" + call.versionPath() + "/";
        Map<String, Object> resources = new LinkedHashMap<>();
        for (String name : new String[] {"composite", "jobs", "limits", "query", "queryAll", "sobjects"}) {
            resources.put(name, base + name);
        }
        return ApiResponse.ok(resources);
    }
}
