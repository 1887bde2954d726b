package dev.mosaic.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.testing.MosaicIntegrationTest;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LoginFormTest extends MosaicIntegrationTest {

    @Autowired
    private UserService users;

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void signingInWithTheFormOpensASessionThatShowsTheUser() throws Exception {
        String csrf = csrfTokenFromLoginPage();

        HttpResponse<String> login = postLogin(Map.of("_csrf", csrf, "workspace", "default",
                "email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/"));
        HttpResponse<String> home = browserGet("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(ADMIN_EMAIL).contains("Sign out");
    }

    @Test
    void wrongPasswordSendsBackToTheFormWithAnError() throws Exception {
        String csrf = csrfTokenFromLoginPage();

        HttpResponse<String> login = postLogin(Map.of("_csrf", csrf, "workspace", "default",
                "email", ADMIN_EMAIL, "password", "not the password"));

        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
        assertThat(browserGet("/login?error").body()).contains("Wrong workspace, email or password");
        assertThat(browserGet("/").statusCode()).isEqualTo(302);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhileEvenForTheRightOne() throws Exception {
        TenantAdmin admin = newTenantAdmin();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = postLogin(Map.of("_csrf", csrfTokenFromLoginPage(), "workspace", admin.tenantId(),
                    "email", admin.email(), "password", "guess " + i));
            assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        }

        HttpResponse<String> right = postLogin(Map.of("_csrf", csrfTokenFromLoginPage(), "workspace", admin.tenantId(),
                "email", admin.email(), "password", admin.password()));

        assertThat(right.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked"));
        assertThat(browserGet("/login?locked").body()).contains("Too many failed sign-ins");
        assertThat(browserGet("/").statusCode()).isEqualTo(302);
    }

    @Test
    void aRemovedPersonsOpenSessionEnds() throws Exception {
        TenantAdmin admin = newTenantAdmin();
        TenantPrincipal member = users.add(admin.tenantId(), "leaving@" + admin.tenantId() + ".example", "a long password",
                TenantPrincipal.Role.MEMBER);
        postLogin(Map.of("_csrf", csrfTokenFromLoginPage(), "workspace", admin.tenantId(), "email", member.email(),
                "password", "a long password"));
        assertThat(browserGet("/").statusCode()).isEqualTo(200);

        users.remove(admin.tenantId(), member.userId());

        HttpResponse<String> after = browserGet("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void theSessionCookieStaysOnThisSite() throws Exception {
        HttpResponse<String> page = browserGet("/login");

        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void loginPostWithoutCsrfTokenIsRefused() throws Exception {
        csrfTokenFromLoginPage();

        HttpResponse<String> login = postLogin(Map.of("workspace", "default",
                "email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));

        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(browserGet("/").statusCode()).isEqualTo(302);
    }

    @Test
    void pagesNeedASignIn() throws Exception {
        HttpResponse<String> home = browserGet("/");

        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void theOperatorCreatesAWorkspaceWhoseFirstAdminSignsIn() throws Exception {
        String id = "ws-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> workspace = Map.of("id", id, "name", "Acme EMEA", "adminEmail", "lead@acme-emea.example",
                "adminPassword", "a long first password");

        HttpResponse<String> created = send("POST", "/api/v1/admin/workspaces", ADMIN_TOKEN, workspace);
        HttpResponse<String> again = send("POST", "/api/v1/admin/workspaces", ADMIN_TOKEN, workspace);
        HttpResponse<String> byAnotherAdmin = send("POST", "/api/v1/admin/workspaces", newTenantToken(),
                Map.of("id", id + "-x", "adminEmail", "x@acme-emea.example", "adminPassword", "a long first password"));
        HttpResponse<String> badId = send("POST", "/api/v1/admin/workspaces", ADMIN_TOKEN,
                Map.of("id", "Not A Valid Id", "adminEmail", "x@acme-emea.example", "adminPassword", "a long first password"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("a long first password");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(byAnotherAdmin.statusCode()).isEqualTo(403);
        assertThat(badId.statusCode()).isEqualTo(400);
        HttpResponse<String> login = postLogin(Map.of("_csrf", csrfTokenFromLoginPage(), "workspace", id,
                "email", "lead@acme-emea.example", "password", "a long first password"));
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        assertThat(browserGet("/settings/users").body()).contains("lead@acme-emea.example", "admin");
    }

    @Test
    void pagesRunOnlyMosaicsOwnScriptsAndCannotBeFramed() throws Exception {
        HttpResponse<String> page = browserGet("/login");

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe-eval"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    private String csrfTokenFromLoginPage() throws Exception {
        HttpResponse<String> page = browserGet("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher matcher = CSRF_FIELD.matcher(page.body());
        assertThat(matcher.find()).as("login form carries a CSRF token").isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> postLogin(Map<String, String> fields) throws Exception {
        String form = new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(url("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> browserGet(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
