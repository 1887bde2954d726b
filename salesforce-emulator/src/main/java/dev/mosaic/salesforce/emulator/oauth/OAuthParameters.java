package dev.mosaic.salesforce.emulator.oauth;

import dev.mosaic.salesforce.emulator.http.ApiRequest;
import dev.mosaic.salesforce.emulator.http.QueryString;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * OAuth parameters from the query string and the form body together: Salesforce accepts either, and
 * the user's own setup guide POSTs the token parameters in the query string.
 */
final class OAuthParameters {
    private final Map<String, String> params;
    private final Optional<String[]> basic;

    private OAuthParameters(Map<String, String> params, Optional<String[]> basic) {
        this.params = params;
        this.basic = basic;
    }

    static OAuthParameters of(ApiRequest request) {
        Map<String, String> params = new LinkedHashMap<>(request.query());
        if (request.body() != null && request.body().length > 0) {
            // The body wins over the query string; a body sent without a content type is still read as a form.
            boolean json = request.header("content-type").map(t -> t.contains("json")).orElse(false);
            if (!json) {
                params.putAll(QueryString.parse(request.bodyText()));
            }
        }
        return new OAuthParameters(params, basicCredentials(request));
    }

    String get(String name) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    String clientId() {
        String id = get("client_id");
        return id != null ? id : basic.map(b -> b[0]).orElse(null);
    }

    String clientSecret() {
        String secret = get("client_secret");
        return secret != null ? secret : basic.map(b -> b[1]).orElse(null);
    }

    private static Optional<String[]> basicCredentials(ApiRequest request) {
        return request.header("authorization")
                .filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6))
                .flatMap(h -> {
                    try {
                        String decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
                        int colon = decoded.indexOf(':');
                        return colon < 0 ? Optional.empty()
                                : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
                    } catch (IllegalArgumentException notBase64) {
                        return Optional.empty();
                    }
                });
    }
}
