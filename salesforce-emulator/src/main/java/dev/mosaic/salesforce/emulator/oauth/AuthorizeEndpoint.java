package dev.mosaic.salesforce.emulator.oauth;

import dev.mosaic.salesforce.emulator.http.ApiRequest;
import dev.mosaic.salesforce.emulator.http.ApiResponse;
import dev.mosaic.salesforce.emulator.http.QueryString;
import dev.mosaic.salesforce.emulator.org.OrgUser;

import java.util.Optional;

/**
 * {@code /services/oauth2/authorize}: GET starts the web-server flow and shows the login form; the form
 * posts back here for the login step and then the approval step, which redirects (302) to the client's
 * {@code redirect_uri} with a code, or with {@code error=access_denied}.
 */
public final class AuthorizeEndpoint {
    private static final String HTML = "text/html;charset=UTF-8";

    private final ConnectedApp app;
    private final UserDirectory users;
    private final AuthorizationCodes codes;

    public AuthorizeEndpoint(ConnectedApp app, UserDirectory users, AuthorizationCodes codes) {
        this.app = app;
        this.users = users;
        this.codes = codes;
    }

    public ApiResponse handle(ApiRequest request) {
        return switch (request.method()) {
            case "GET" -> start(request);
            case "POST" -> step(request);
            default -> ApiResponse.methodNotAllowed(request.method(), "GET,POST");
        };
    }

    private ApiResponse start(ApiRequest request) {
        OAuthParameters p = OAuthParameters.of(request);
        String clientId = p.get("client_id");
        String redirectUri = p.get("redirect_uri");
        // With an unknown client or no redirect_uri there is nowhere trustworthy to redirect to: show the error.
        if (clientId == null || !clientId.equals(app.clientId())) {
            return page(400, AuthorizePages.error("invalid_client_id", "client identifier invalid"));
        }
        if (redirectUri == null) {
            return page(400, AuthorizePages.error("redirect_uri_mismatch", "redirect_uri must match configuration"));
        }
        String state = p.get("state");
        if (!"code".equals(p.get("response_type"))) {
            return redirect(redirectUri, "error=unsupported_response_type&error_description="
                    + QueryString.encode("response type not supported"), state);
        }
        String challenge = p.get("code_challenge");
        String method = p.get("code_challenge_method");
        if (challenge != null && method != null && !"S256".equals(method)) {
            return redirect(redirectUri, "error=invalid_request&error_description="
                    + QueryString.encode("invalid code challenge method"), state);
        }
        String scope = p.get("scope") == null ? TokenEndpoint.Scopes.APP_DEFAULT : p.get("scope");
        AuthorizationCodes.PendingAuthorization pending = codes.begin(
                new AuthorizationCodes.AuthorizationRequest(clientId, redirectUri, scope, state, challenge));
        return page(200, AuthorizePages.login(pending.id(), p.get("login_hint"), null));
    }

    private ApiResponse step(ApiRequest request) {
        OAuthParameters p = OAuthParameters.of(request);
        Optional<AuthorizationCodes.PendingAuthorization> found = codes.pending(p.get("pending"));
        if (found.isEmpty()) {
            return page(400, AuthorizePages.error("invalid_request", "The login session has expired. Start again."));
        }
        AuthorizationCodes.PendingAuthorization pending = found.get();
        if ("login".equals(p.get("step"))) {
            Optional<OrgUser> user = users.authenticate(p.get("username"), p.get("pw"));
            if (user.isEmpty()) {
                return page(200, AuthorizePages.login(pending.id(), p.get("username"),
                        "Please check your username and password. If you still can't log in, contact your Salesforce administrator."));
            }
            AuthorizationCodes.PendingAuthorization loggedIn = codes.loggedIn(pending, user.get());
            return page(200, AuthorizePages.approval(loggedIn.id(), users.loginName(user.get()), pending.request().scope()));
        }
        if ("approve".equals(p.get("step")) && pending.user() != null) {
            AuthorizationCodes.AuthorizationRequest asked = pending.request();
            if ("Allow".equals(p.get("decision"))) {
                String code = codes.issueCode(pending);
                return redirect(asked.redirectUri(), "code=" + QueryString.encode(code), asked.state());
            }
            codes.finish(pending.id());
            return redirect(asked.redirectUri(), "error=access_denied&error_description="
                    + QueryString.encode("end-user denied authorization"), asked.state());
        }
        return page(400, AuthorizePages.error("invalid_request", "Log in before approving access."));
    }

    private static ApiResponse redirect(String redirectUri, String params, String state) {
        String location = redirectUri + (redirectUri.contains("?") ? "&" : "?") + params
                + (state == null ? "" : "&state=" + QueryString.encode(state));
        return ApiResponse.empty(302).header("Location", location);
    }

    private static ApiResponse page(int status, String html) {
        return ApiResponse.text(status, HTML, html).header("Cache-Control", "no-store");
    }
}
