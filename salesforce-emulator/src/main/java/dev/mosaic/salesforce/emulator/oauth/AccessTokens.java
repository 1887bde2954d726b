package dev.mosaic.salesforce.emulator.oauth;

import dev.mosaic.salesforce.emulator.http.ApiRequest;

import java.util.Optional;

/** Finds the access token in a request: {@code Authorization: Bearer|OAuth x}, or Bulk 1.0's {@code X-SFDC-Session}. */
public final class AccessTokens {
    private AccessTokens() {
    }

    public static Optional<String> from(ApiRequest request) {
        Optional<String> authorization = request.header("authorization");
        if (authorization.isPresent()) {
            String value = authorization.get().trim();
            for (String scheme : new String[] {"Bearer ", "OAuth "}) {
                if (value.regionMatches(true, 0, scheme, 0, scheme.length())) {
                    return Optional.of(value.substring(scheme.length()).trim()).filter(t -> !t.isEmpty());
                }
            }
        }
        return request.header("x-sfdc-session").map(String::trim).filter(t -> !t.isEmpty());
    }
}
