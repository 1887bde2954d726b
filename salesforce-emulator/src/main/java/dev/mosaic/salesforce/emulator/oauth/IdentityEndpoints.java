package dev.mosaic.salesforce.emulator.oauth;

import dev.mosaic.salesforce.emulator.http.ApiRequest;
import dev.mosaic.salesforce.emulator.http.ApiResponse;
import dev.mosaic.salesforce.emulator.org.Org;
import dev.mosaic.salesforce.emulator.org.OrgUser;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code GET /services/oauth2/userinfo} and the identity URL {@code GET /id/<org>/<user>}, both with a bearer token. */
public final class IdentityEndpoints {
    private static final DateTimeFormatter SALESFORCE_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private final Org org;
    private final String baseUrl;
    private final TokenStore tokens;
    private final UserDirectory users;
    private final TokenResponses responses;

    public IdentityEndpoints(Org org, String baseUrl, TokenStore tokens, UserDirectory users, TokenResponses responses) {
        this.org = org;
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.users = users;
        this.responses = responses;
    }

    public ApiResponse userinfo(ApiRequest request) {
        if (!"GET".equals(request.method()) && !"POST".equals(request.method())) {
            return ApiResponse.methodNotAllowed(request.method(), "GET,POST");
        }
        return withSession(request, session -> {
            OrgUser user = session.user();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("sub", responses.identityUrl(user));
            body.put("user_id", user.id());
            body.put("organization_id", org.orgId());
            body.put("preferred_username", users.loginName(user));
            body.put("nickname", nickname(user));
            body.put("name", user.displayName());
            body.put("email", user.email());
            body.put("email_verified", true);
            body.put("given_name", firstName(user));
            body.put("family_name", lastName(user));
            body.put("zoneinfo", "America/Los_Angeles");
            body.put("profile", baseUrl + "/" + user.id());
            body.put("urls", urls(user));
            body.put("active", true);
            body.put("user_type", "STANDARD");
            body.put("language", "en_US");
            body.put("locale", "en_US");
            body.put("utcOffset", -28800000);
            body.put("updated_at", SALESFORCE_DATETIME.format(org.now()));
            return ApiResponse.ok(body);
        });
    }

    /** The identity service; {@code path} is {@code /id/<org id>/<user id>}. */
    public ApiResponse identity(ApiRequest request) {
        if (!"GET".equals(request.method()) && !"POST".equals(request.method())) {
            return ApiResponse.methodNotAllowed(request.method(), "GET,POST");
        }
        String[] parts = request.path().split("/");
        return withSession(request, session -> {
            if (parts.length != 4 || !parts[2].equals(org.orgId())) {
                return ApiResponse.text(404, "text/plain;charset=UTF-8", "Bad_Id");
            }
            Optional<OrgUser> found = users.byId(parts[3]);
            if (found.isEmpty()) {
                return ApiResponse.text(404, "text/plain;charset=UTF-8", "Bad_Id");
            }
            OrgUser user = found.get();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", responses.identityUrl(user));
            body.put("asserted_user", user.id().equals(session.user().id()));
            body.put("user_id", user.id());
            body.put("organization_id", org.orgId());
            body.put("username", users.loginName(user));
            body.put("nick_name", nickname(user));
            body.put("display_name", user.displayName());
            body.put("email", user.email());
            body.put("email_verified", true);
            body.put("first_name", firstName(user));
            body.put("last_name", lastName(user));
            body.put("timezone", "America/Los_Angeles");
            body.put("photos", Map.of());
            body.put("addr_street", null);
            body.put("addr_city", null);
            body.put("addr_state", null);
            body.put("addr_country", "US");
            body.put("addr_zip", null);
            body.put("mobile_phone", null);
            body.put("mobile_phone_verified", false);
            body.put("is_lightning_login_user", false);
            body.put("status", Map.of());
            body.put("urls", urls(user));
            body.put("active", true);
            body.put("user_type", "STANDARD");
            body.put("language", "en_US");
            body.put("locale", "en_US");
            body.put("utcOffset", -28800000);
            body.put("last_modified_date", SALESFORCE_DATETIME.format(org.now()));
            body.put("is_app_installed", true);
            return ApiResponse.ok(body);
        });
    }

    private ApiResponse withSession(ApiRequest request, java.util.function.Function<Session, ApiResponse> handler) {
        Optional<String> token = AccessTokens.from(request).or(() -> Optional.ofNullable(request.query().get("oauth_token")));
        if (token.isEmpty()) {
            return ApiResponse.text(403, "text/plain;charset=UTF-8", "Missing_OAuth_Token");
        }
        return tokens.session(token.get()).map(handler)
                .orElseGet(() -> ApiResponse.text(403, "text/plain;charset=UTF-8", "Bad_OAuth_Token"));
    }

    private Map<String, Object> urls(OrgUser user) {
        String data = baseUrl + "/services/data/v{version}/";
        Map<String, Object> urls = new LinkedHashMap<>();
        urls.put("enterprise", baseUrl + "/services/Soap/c/{version}/" + org.orgId());
        urls.put("metadata", baseUrl + "/services/Soap/m/{version}/" + org.orgId());
        urls.put("partner", baseUrl + "/services/Soap/u/{version}/" + org.orgId());
        urls.put("rest", data);
        urls.put("sobjects", data + "sobjects/");
        urls.put("search", data + "search/");
        urls.put("query", data + "query/");
        urls.put("recent", data + "recent/");
        urls.put("profile", baseUrl + "/" + user.id());
        urls.put("custom_domain", baseUrl);
        return urls;
    }

    private static String nickname(OrgUser user) {
        String name = user.username();
        int at = name.indexOf('@');
        return at > 0 ? name.substring(0, at) : name;
    }

    private static String firstName(OrgUser user) {
        String display = user.displayName() == null ? "" : user.displayName();
        int space = display.indexOf(' ');
        return space > 0 ? display.substring(0, space) : null;
    }

    private static String lastName(OrgUser user) {
        String display = user.displayName() == null ? "" : user.displayName();
        int space = display.indexOf(' ');
        return space > 0 ? display.substring(space + 1) : display;
    }
}
