package dev.mosaic.bench.harness;

import dev.mosaic.bench.BenchFailure;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A person's browser signed in to Mosaic's pages through the sign-in form: a session cookie, and a CSRF token. */
public final class SignedInBrowser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String ADMIN_EMAIL = "admin@mosaic.local";

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private SignedInBrowser(URI base) {
        this.base = base;
    }

    /** Signs in as the app's first admin. */
    public static SignedInBrowser signIn(MosaicApp app) throws IOException, InterruptedException {
        SignedInBrowser browser = new SignedInBrowser(app.http().base());
        Matcher csrf = CSRF_FIELD.matcher(browser.get("login").body());
        if (!csrf.find()) {
            throw new BenchFailure("The sign-in page has no CSRF field");
        }
        String form = "_csrf=" + encode(csrf.group(1)) + "&workspace=default&email=" + encode(ADMIN_EMAIL)
                + "&password=" + encode(app.adminPassword());
        HttpResponse<String> signedIn = browser.client.send(HttpRequest.newBuilder(browser.base.resolve("login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            // Never the headers: they hold the session cookie.
            throw new BenchFailure("Signing in answered " + signedIn.statusCode() + ", Location "
                    + signedIn.headers().firstValue("Location").orElse("none"));
        }
        return browser;
    }

    public MosaicHttp.Response get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(60)).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        return new MosaicHttp.Response(response.statusCode(), response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
