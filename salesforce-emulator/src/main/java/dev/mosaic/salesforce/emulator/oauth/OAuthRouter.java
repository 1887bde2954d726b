package dev.mosaic.salesforce.emulator.oauth;

import dev.mosaic.salesforce.emulator.http.ApiRequest;
import dev.mosaic.salesforce.emulator.http.ApiResponse;

/** Everything under {@code /services/oauth2/}, plus the identity URLs under {@code /id/}. */
public final class OAuthRouter {
    private final TokenEndpoint token;
    private final AuthorizeEndpoint authorize;
    private final IdentityEndpoints identity;
    private final TokenStore tokens;

    public OAuthRouter(TokenEndpoint token, AuthorizeEndpoint authorize, IdentityEndpoints identity, TokenStore tokens) {
        this.token = token;
        this.authorize = authorize;
        this.identity = identity;
        this.tokens = tokens;
    }

    /** @param endpoint the path after {@code /services/oauth2/} */
    public ApiResponse route(String endpoint, ApiRequest request) {
        return switch (endpoint) {
            case "token" -> token.handle(request);
            case "authorize" -> authorize.handle(request);
            case "revoke" -> revoke(request);
            case "userinfo" -> identity.userinfo(request);
            case "introspect" -> token.introspect(request);
            default -> ApiResponse.notFound();
        };
    }

    public ApiResponse identity(ApiRequest request) {
        return identity.identity(request);
    }

    /** Revoke answers 200 for any token, known or not, so clients that revoke an expired token before re-login go on. */
    private ApiResponse revoke(ApiRequest request) {
        if (!"GET".equals(request.method()) && !"POST".equals(request.method())) {
            return ApiResponse.methodNotAllowed(request.method(), "GET,POST");
        }
        String token = OAuthParameters.of(request).get("token");
        if (token == null) {
            return TokenEndpoint.error(new OAuthError("unsupported_token_type", "this token type is not supported"));
        }
        tokens.revoke(token);
        return ApiResponse.empty(200);
    }
}
