package dev.mosaic.salesforce.emulator;

import dev.mosaic.salesforce.emulator.control.ControlApi;
import dev.mosaic.salesforce.emulator.http.ApiRequest;
import dev.mosaic.salesforce.emulator.http.ApiResponse;
import dev.mosaic.salesforce.emulator.limits.CallStats;
import dev.mosaic.salesforce.emulator.oauth.OAuthRouter;
import dev.mosaic.salesforce.emulator.rest.DataApi;

import java.util.function.Function;

/** The top of the URL space: one base URL is login host, instance host and control API at once. */
final class EmulatorRoutes implements Function<ApiRequest, ApiResponse> {
    private static final String OAUTH_PREFIX = "/services/oauth2/";

    private final ControlApi control;
    private final OAuthRouter oauth;
    private final DataApi data;
    private final CallStats stats;

    EmulatorRoutes(ControlApi control, OAuthRouter oauth, DataApi data, CallStats stats) {
        this.control = control;
        this.oauth = oauth;
        this.data = data;
        this.stats = stats;
    }

    @Override
    public ApiResponse apply(ApiRequest request) {
        String path = request.path();
        if (path.startsWith(ControlApi.PREFIX)) {
            return control.handle(request);
        }
        if (path.startsWith(OAUTH_PREFIX)) {
            String endpoint = path.substring(OAUTH_PREFIX.length());
            if (endpoint.endsWith("/")) {
                endpoint = endpoint.substring(0, endpoint.length() - 1);
            }
            stats.count("oauth2/" + endpoint);
            return oauth.route(endpoint, request);
        }
        if (path.startsWith("/id/")) {
            stats.count("id");
            return oauth.identity(request);
        }
        if (path.equals("/services/data") || path.startsWith("/services/data/")) {
            return data.handle(request);
        }
        return ApiResponse.notFound();
    }
}
