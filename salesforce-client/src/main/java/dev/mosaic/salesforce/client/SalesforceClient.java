package dev.mosaic.salesforce.client;

import static dev.mosaic.salesforce.client.SalesforceHttp.encode;
import static dev.mosaic.salesforce.client.SalesforceHttp.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The REST and Bulk 2.0 APIs of one Salesforce org, logged in with a {@link LoginGrant}. Safe for many threads:
 * they share one session, and when it expires the first thread to notice logs in again while the others wait
 * for it and reuse the new session (one login, however many threads hit the expiry).
 *
 * <p>Every failure is a {@link SalesforceException} whose {@link Disposition} says what to do; no token or
 * secret is ever part of one.
 *
 * <p>A Connected App with Refresh Token Rotation answers each login with a new refresh token and retires the one
 * used: the client logs in with the newest from then on, and hands each new one to its owner to store.
 */
public class SalesforceClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_COMPOSITE = 25;

    private final HttpClient http;
    private final String dataPath;
    private final Consumer<String> rotatedRefreshTokens;
    private final Object loginLock = new Object();
    private volatile LoginGrant grant;
    private volatile Session session;
    private volatile ApiUsage lastUsage;

    /** One HTTP client for every org: its connection pool and threads are shared. */
    private static final HttpClient SHARED_HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(15))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /**
     * A client on the shared HTTP client: what an application uses, so it never builds HTTP clients itself.
     *
     * @param rotatedRefreshTokens told each new refresh token Salesforce hands out, to store in place of the old
     */
    public static SalesforceClient create(LoginGrant grant, String apiVersion, Consumer<String> rotatedRefreshTokens) {
        return new SalesforceClient(SHARED_HTTP, grant, apiVersion, rotatedRefreshTokens);
    }

    /** The HTTP client {@link #create} uses, for the library's other calls made on an application's behalf. */
    static HttpClient sharedHttp() {
        return SHARED_HTTP;
    }

    /** @param apiVersion e.g. {@code "59.0"} */
    public SalesforceClient(HttpClient http, LoginGrant grant, String apiVersion) {
        this(http, grant, apiVersion, rotated -> { });
    }

    /** @param rotatedRefreshTokens told each new refresh token Salesforce hands out, to store in place of the old */
    public SalesforceClient(HttpClient http, LoginGrant grant, String apiVersion, Consumer<String> rotatedRefreshTokens) {
        this.http = http;
        this.grant = grant;
        this.dataPath = "/services/data/v" + apiVersion;
        this.rotatedRefreshTokens = rotatedRefreshTokens;
    }

    /**
     * Revokes the refresh token at the login host, which ends its sessions too: what disconnecting an org does, so
     * a token Mosaic no longer keeps cannot be used by anyone else either.
     */
    public void revokeRefreshToken() {
        if (!(grant instanceof RefreshTokenCredentials credentials)) {
            throw new IllegalStateException("Only a refresh-token login has a token to revoke, not " + grant.flow());
        }
        URI revoke = credentials.loginUrl().resolve("/services/oauth2/revoke");
        String request = "POST " + revoke.getRawPath() + " (client " + credentials.clientId() + ")";
        HttpRequest post = HttpRequest.newBuilder(revoke).timeout(SalesforceHttp.REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SalesforceHttp.form(Map.of("token", credentials.refreshToken()))))
                .build();
        HttpResponse<String> response = SalesforceHttp.send(http, request, post, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw SalesforceErrors.of(request, response.statusCode(), response.body());
        }
        session = null;
    }

    /** The current session, logging in first when there is none. */
    public Session session() {
        Session current = session;
        return current != null ? current : loginUnless(null);
    }

    /**
     * A new session when {@code refused} was refused elsewhere (the Pub/Sub API answered that the session expired);
     * the current one when another caller has logged in again already.
     */
    public Session sessionAfter(Session refused) {
        return loginUnless(refused);
    }

    /** The API usage the last answer reported, if any answer did. */
    public Optional<ApiUsage> lastUsage() {
        return Optional.ofNullable(lastUsage);
    }

    /** The first page of a SOQL query over live records, in pages of Salesforce's default size (2,000). */
    public QueryPage query(String soql) {
        return page(get(dataPath + "/query?q=" + encode(soql), 0));
    }

    /** The first page of a SOQL query over live, deleted and archived records. */
    public QueryPage queryAll(String soql) {
        return page(get(dataPath + "/queryAll?q=" + encode(soql), 0));
    }

    /**
     * The first page of a query over live, deleted and archived records, asking for pages of {@code batchSize}
     * records (200 to 2,000; Salesforce may answer with other sizes). The later pages keep the size.
     */
    public QueryPage queryAll(String soql, int batchSize) {
        return page(get(dataPath + "/queryAll?q=" + encode(soql), batchSize));
    }

    /** The page after this one; there must be one. */
    public QueryPage next(QueryPage page) {
        if (page.nextRecordsUrl() == null) {
            throw new IllegalArgumentException("That was the last page of its query");
        }
        return page(get(page.nextRecordsUrl()));
    }

    /** The describe of one object: its fields as the connected user may read them. */
    public JsonNode describe(String objectName) {
        return get(dataPath + "/sobjects/" + encode(objectName) + "/describe");
    }

    /** The org's limits ({@code DailyApiRequests} and the rest). */
    public JsonNode limits() {
        return get(dataPath + "/limits");
    }

    /**
     * Reads a whole object (or any SOQL query) with a Bulk API 2.0 job: a few API calls whatever its size, rows
     * handed over one by one as the CSV pages arrive. Returns the number of rows.
     *
     * @param includeDeleted {@code queryAll}: deleted and archived records too
     * @param pageSize       rows per result page (Salesforce's {@code maxRecords})
     */
    public long bulkQuery(String soql, boolean includeDeleted, int pageSize, Sleeper sleeper, Consumer<Map<String, String>> rows) {
        return BulkQuery.run(this, dataPath, soql, includeDeleted, pageSize, sleeper, rows);
    }

    /**
     * Starts a Bulk API 2.0 query job and returns its id, for a reader that keeps its place between result pages
     * (and across restarts): {@link #awaitBulkQuery}, then {@link #bulkResultPage} until it returns null.
     */
    public String startBulkQuery(String soql, boolean includeDeleted) {
        return BulkQuery.start(this, dataPath, soql, includeDeleted);
    }

    /**
     * Waits until the job has all its results and returns how many rows they are; a job that failed, was aborted or
     * is gone throws.
     */
    public long awaitBulkQuery(String jobId, Sleeper sleeper) {
        return BulkQuery.awaitCompletion(this, dataPath + "/jobs/query/" + encode(jobId), sleeper);
    }

    /**
     * Reads one result page of a completed job from {@code locator} (null for the first page), handing over its
     * rows; returns the locator of the next page, or null after the last.
     */
    public String bulkResultPage(String jobId, String locator, int pageSize, Consumer<Map<String, String>> rows) {
        return BulkQuery.page(this, dataPath, encode(jobId), locator, pageSize, rows);
    }

    /**
     * Several GETs (queries, describes) in one API call, each answered on its own: a failed one does not fail the
     * others. Salesforce takes at most 25 subrequests, of which at most 5 queries.
     *
     * @param paths paths under the instance, such as {@code /services/data/v59.0/query?q=…}
     */
    public List<CompositeAnswer> compositeGets(List<String> paths) {
        if (paths.isEmpty() || paths.size() > MAX_COMPOSITE) {
            throw new IllegalArgumentException("A composite call takes 1 to " + MAX_COMPOSITE + " subrequests, not " + paths.size());
        }
        List<Map<String, String>> subrequests = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            subrequests.add(Map.of("method", "GET", "url", paths.get(i), "referenceId", "r" + i));
        }
        JsonNode answers = postJson(dataPath + "/composite", Map.of("allOrNone", false, "compositeRequest", subrequests));
        // Answers name their subrequest: placed by that, not by the order they come in.
        CompositeAnswer[] results = new CompositeAnswer[paths.size()];
        for (JsonNode answer : answers.path("compositeResponse")) {
            int index = Integer.parseInt(answer.path("referenceId").asText().substring(1));
            int status = answer.path("httpStatusCode").asInt();
            String request = "GET " + URI.create(paths.get(index)).getRawPath() + " (in a composite call)";
            results[index] = status / 100 == 2 ? new CompositeAnswer(paths.get(index), answer.path("body"), null)
                    : new CompositeAnswer(paths.get(index), null, SalesforceErrors.of(request, status, answer.path("body").toString()));
        }
        return List.of(results);
    }

    /** The path of a query for {@link #compositeGets}: {@code queryAll} with deleted and archived records. */
    public String queryAllPath(String soql) {
        return dataPath + "/queryAll?q=" + encode(soql);
    }

    /** A GET of a path under the instance (or a {@code nextRecordsUrl}); logs in again once if the session expired. */
    public JsonNode get(String path) {
        return get(path, 0);
    }

    private JsonNode get(String path, int batchSize) {
        Map<String, String> headers = batchSize > 0 ? Map.of("Sforce-Query-Options", "batchSize=" + batchSize) : Map.of();
        Streamed answer = exchange("GET", path, headers, null, "application/json");
        return read(answer.request(), answer.text());
    }

    JsonNode postJson(String path, Object body) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not JSON: " + body, e);
        }
        Streamed answer = exchange("POST", path, Map.of("Content-Type", "application/json"), json, "application/json");
        return read(answer.request(), answer.text());
    }

    /** A GET whose answer is read as a stream (Bulk CSV pages): the caller closes it. */
    Streamed getStream(String path, String accept) {
        return exchange("GET", path, Map.of(), null, accept);
    }

    /** An answer still to be read, with the request it answers (for messages: never with a token). */
    record Streamed(String request, InputStream body, HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String text() {
            try (InputStream in = body) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw SalesforceErrors.noResponse(request, e);
            }
        }
    }

    /** Sends a request with the session; on 401 logs in again (once for many threads) and sends it once more. */
    private Streamed exchange(String method, String path, Map<String, String> headers, String body, String accept) {
        Session used = session();
        Answer answer = send(method, path, headers, body, accept, used);
        if (answer.status() == 401) {
            answer.discard();
            answer = send(method, path, headers, body, accept, loginUnless(used));
        }
        if (answer.status() / 100 != 2) {
            throw SalesforceErrors.of(answer.streamed().request(), answer.status(), answer.streamed().text());
        }
        return answer.streamed();
    }

    private Answer send(String method, String path, Map<String, String> headers, String body, String accept, Session with) {
        URI uri = with.instanceUrl().resolve(path);
        String request = method + " " + uri.getRawPath();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(SalesforceHttp.REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + with.accessToken())
                .header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        HttpResponse<InputStream> response = SalesforceHttp.send(http, request, builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        ApiUsage.fromHeader(response.headers().firstValue("Sforce-Limit-Info").orElse(null)).ifPresent(usage -> lastUsage = usage);
        return new Answer(response.statusCode(), new Streamed(request, response.body(), response.headers()));
    }

    private record Answer(int status, Streamed streamed) {

        void discard() {
            streamed.text();
        }
    }

    /**
     * Logs in with the refresh token, unless another thread already replaced {@code expired} with a new session
     * (then that one is returned): many threads that find one session expired cause one login.
     */
    private Session loginUnless(Session expired) {
        synchronized (loginLock) {
            Session current = session;
            if (current != null && current != expired) {
                return current;
            }
            session = login();
            return session;
        }
    }

    private Session login() {
        LoginGrant using = grant;
        JsonNode body = SalesforceHttp.post(http, using.loginUrl(), using.flow(), using.clientId(), using.form());
        String rotated = body.path("refresh_token").asText("");
        if (using instanceof RefreshTokenCredentials credentials && !rotated.isEmpty()
                && !rotated.equals(credentials.refreshToken())) {
            grant = credentials.withRefreshToken(rotated);
            rotatedRefreshTokens.accept(rotated);
        }
        String identity = body.path("id").asText("");
        String orgId = identity.isEmpty() ? "" : URI.create(identity).getPath().replaceAll("^/id/([^/]+)/.*$", "$1");
        return new Session(URI.create(body.path("instance_url").asText()), body.path("access_token").asText(), orgId);
    }

    private static QueryPage page(JsonNode body) {
        return QueryPage.fromJson(body);
    }

}
