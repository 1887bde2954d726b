package dev.mosaic.salesforce.emulator.oauth;

import dev.mosaic.salesforce.emulator.http.ApiRequest;
import dev.mosaic.salesforce.emulator.http.ApiResponse;
import dev.mosaic.salesforce.emulator.org.Org;
import dev.mosaic.salesforce.emulator.org.OrgUser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code POST /services/oauth2/token}: every grant type the product and the outside clients use. */
public final class TokenEndpoint {
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final Org org;
    private final ConnectedApp app;
    private final TokenStore tokens;
    private final UserDirectory users;
    private final AuthorizationCodes codes;
    private final JwtBearerVerifier jwt;
    private final TokenResponses responses;

    public TokenEndpoint(Org org, ConnectedApp app, TokenStore tokens, UserDirectory users, AuthorizationCodes codes,
                         JwtBearerVerifier jwt, TokenResponses responses) {
        this.org = org;
        this.app = app;
        this.tokens = tokens;
        this.users = users;
        this.codes = codes;
        this.jwt = jwt;
        this.responses = responses;
    }

    public ApiResponse handle(ApiRequest request) {
        if (!"POST".equals(request.method())) {
            return ApiResponse.methodNotAllowed(request.method(), "POST");
        }
        try {
            OAuthParameters params = OAuthParameters.of(request);
            String grantType = params.get("grant_type");
            if (grantType == null) {
                throw new OAuthError("invalid_request", "grant type is missing");
            }
            return switch (grantType) {
                case "refresh_token" -> refreshToken(params);
                case "authorization_code" -> authorizationCode(params);
                case "client_credentials" -> clientCredentials(params);
                case JWT_BEARER -> jwtBearer(params);
                case "password" -> password(params);
                default -> throw new OAuthError("unsupported_grant_type", "grant type not supported");
            };
        } catch (OAuthError e) {
            return error(e);
        }
    }

    /**
     * {@code POST /services/oauth2/introspect}: RFC 7662 as Salesforce implements it; the caller
     * authenticates as the Connected App, and unknown or expired tokens are just {@code "active":false}.
     */
    public ApiResponse introspect(ApiRequest request) {
        if (!"POST".equals(request.method())) {
            return ApiResponse.methodNotAllowed(request.method(), "POST");
        }
        try {
            OAuthParameters params = OAuthParameters.of(request);
            checkClient(params, true);
            String token = params.get("token");
            Map<String, Object> body = new LinkedHashMap<>();
            Optional<Session> session = tokens.session(token);
            Optional<RefreshGrant> refresh = tokens.refreshGrant(token);
            if (session.isPresent()) {
                Session s = session.get();
                body.put("active", true);
                body.put("scope", s.scope());
                body.put("client_id", s.clientId());
                body.put("username", users.loginName(s.user()));
                body.put("sub", responses.identityUrl(s.user()));
                body.put("token_type", "access_token");
                body.put("exp", tokens.expiresAt(s).getEpochSecond());
                body.put("iat", s.issuedAt().getEpochSecond());
                body.put("nbf", s.issuedAt().getEpochSecond());
            } else if (refresh.isPresent()) {
                RefreshGrant g = refresh.get();
                body.put("active", true);
                body.put("scope", g.scope());
                body.put("client_id", g.clientId());
                body.put("username", users.loginName(g.user()));
                body.put("sub", responses.identityUrl(g.user()));
                body.put("token_type", "refresh_token");
            } else {
                body.put("active", false);
            }
            return ApiResponse.ok(body);
        } catch (OAuthError e) {
            return error(e);
        }
    }

    static ApiResponse error(OAuthError e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("error_description", e.description());
        return ApiResponse.json(400, body);
    }

    private ApiResponse refreshToken(OAuthParameters params) {
        String clientId = checkClient(params, true);
        RefreshGrant grant = tokens.refreshGrant(params.get("refresh_token"))
                .filter(g -> g.clientId().equals(clientId))
                .orElseThrow(() -> OAuthError.invalidGrant("expired access/refresh token"));
        if (app.rotatesRefreshTokens()) {
            RefreshGrant next = tokens.issueRefreshToken(grant.user(), clientId, grant.scope());
            tokens.revoke(grant.refreshToken());
            Session session = tokens.issueSession(grant.user(), clientId, grant.scope(), next.refreshToken());
            return ApiResponse.ok(responses.body(session, next.refreshToken()));
        }
        Session session = tokens.issueSession(grant.user(), clientId, grant.scope(), grant.refreshToken());
        return ApiResponse.ok(responses.body(session, null));
    }

    private ApiResponse authorizationCode(OAuthParameters params) {
        String verifier = params.get("code_verifier");
        // A PKCE client proves possession with the verifier, so it may be a public client without a secret.
        String clientId = checkClient(params, verifier == null);
        AuthorizationCodes.CodeGrant grant = codes.redeem(params.get("code"))
                .orElseThrow(() -> OAuthError.invalidGrant("invalid authorization code"));
        AuthorizationCodes.AuthorizationRequest asked = grant.request();
        if (!asked.clientId().equals(clientId)) {
            throw OAuthError.invalidGrant("invalid authorization code");
        }
        if (codes.isExpired(grant)) {
            throw OAuthError.invalidGrant("expired authorization code");
        }
        if (!asked.redirectUri().equals(params.get("redirect_uri"))) {
            throw new OAuthError("redirect_uri_mismatch", "redirect_uri must match configuration");
        }
        if (asked.codeChallenge() != null && (verifier == null || !asked.codeChallenge().equals(s256(verifier)))) {
            throw OAuthError.invalidGrant("invalid code verifier");
        }
        String refreshToken = null;
        if (Scopes.grantsRefreshToken(asked.scope())) {
            refreshToken = tokens.issueRefreshToken(grant.user(), clientId, asked.scope()).refreshToken();
        }
        Session session = tokens.issueSession(grant.user(), clientId, asked.scope(), refreshToken);
        return ApiResponse.ok(responses.body(session, refreshToken));
    }

    private ApiResponse clientCredentials(OAuthParameters params) {
        String clientId = checkClient(params, true);
        // The Connected App's "run as" user is the admin.
        Session session = tokens.issueSession(org.adminUser(), clientId, Scopes.API, null);
        return ApiResponse.ok(responses.body(session, null));
    }

    private ApiResponse jwtBearer(OAuthParameters params) {
        String username = jwt.verifiedSubject(params.get("assertion"));
        OrgUser user = users.byUsername(username)
                .orElseThrow(() -> OAuthError.invalidGrant("user hasn't approved this consumer"));
        Session session = tokens.issueSession(user, app.clientId(), Scopes.API, null);
        return ApiResponse.ok(responses.jwtBody(session));
    }

    private ApiResponse password(OAuthParameters params) {
        String clientId = checkClient(params, true);
        OrgUser user = users.authenticate(params.get("username"), params.get("password"))
                .orElseThrow(() -> OAuthError.invalidGrant("authentication failure"));
        Session session = tokens.issueSession(user, clientId, Scopes.API_WEB, null);
        return ApiResponse.ok(responses.body(session, null));
    }

    /** Returns the client id once the client is known and (when given or required) its secret is right. */
    private String checkClient(OAuthParameters params, boolean secretRequired) {
        String clientId = params.clientId();
        if (clientId == null || !clientId.equals(app.clientId())) {
            throw OAuthError.invalidClientId();
        }
        String secret = params.clientSecret();
        if (secret == null) {
            if (secretRequired) {
                throw OAuthError.invalidClient();
            }
            return clientId;
        }
        if (!MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                app.clientSecret().getBytes(StandardCharsets.UTF_8))) {
            throw OAuthError.invalidClient();
        }
        return clientId;
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Scope strings the grants hand out. */
    static final class Scopes {
        static final String API = "api";
        static final String API_WEB = "api web";
        /** What the Connected App grants when the authorize request names no scope (the user guide's setup). */
        static final String APP_DEFAULT = "refresh_token web api";

        private Scopes() {
        }

        static boolean grantsRefreshToken(String scope) {
            return scope != null && Arrays.stream(scope.split(" "))
                    .anyMatch(s -> s.equals("refresh_token") || s.equals("offline_access"));
        }
    }
}
