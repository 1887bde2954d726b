package dev.mosaic.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.salesforce.client.QueryPage;
import dev.mosaic.salesforce.client.RefreshTokenCredentials;
import dev.mosaic.salesforce.client.SalesforceClient;
import dev.mosaic.salesforce.emulator.EmulatorCredentials;
import dev.mosaic.salesforce.emulator.SalesforceEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Salesforce emulator for a test class, driven the way an outside tester would: its control API over HTTP
 * (mutate, merge, faults, stats), and what the org holds read with the Salesforce client, as the truth the graph
 * is compared with.
 */
public final class EmulatedOrg implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SalesforceEmulator emulator;
    private final HttpClient http = HttpClient.newHttpClient();
    private final SalesforceClient truth;

    public EmulatedOrg(long seed, int accounts) {
        this(seed, accounts, false);
    }

    /** @param rotateRefreshTokens as a Connected App with Refresh Token Rotation: each login retires its token */
    EmulatedOrg(long seed, int accounts, boolean rotateRefreshTokens) {
        this(SalesforceEmulator.builder().seed(seed).accounts(accounts).rotateRefreshTokens(rotateRefreshTokens));
    }

    /** An org whose daily API limit is {@code apiLimit} calls. */
    static EmulatedOrg withApiLimit(long seed, int accounts, long apiLimit) {
        return new EmulatedOrg(SalesforceEmulator.builder().seed(seed).accounts(accounts).apiLimit(apiLimit));
    }

    private EmulatedOrg(SalesforceEmulator.Builder builder) {
        emulator = builder.port(0).pubsubTimings(Duration.ofSeconds(1), Duration.ofSeconds(60)).start();
        EmulatorCredentials credentials = emulator.credentials();
        truth = SalesforceClient.create(new RefreshTokenCredentials(URI.create(emulator.baseUrl()), credentials.clientId(),
                credentials.clientSecret(), credentials.refreshToken()), "59.0", rotated -> { });
    }

    public String orgId() {
        return emulator.org().orgId();
    }

    /** What the user's guide tells an admin to paste, for this org. */
    public Map<String, String> connectionValues() {
        EmulatorCredentials credentials = emulator.credentials();
        return Map.of("loginUrl", emulator.baseUrl(), "clientId", credentials.clientId(),
                "clientSecret", credentials.clientSecret(), "refreshToken", credentials.refreshToken());
    }

    /** The same values with the org's Pub/Sub API, so the connection streams its changes (Change Data Capture). */
    public Map<String, String> streamingConnectionValues() {
        Map<String, String> values = new java.util.HashMap<>(connectionValues());
        values.put("pubsubEndpoint", emulator.pubsubUrl());
        return values;
    }

    /** How many Pub/Sub streams are subscribed to the org now. */
    int streams() {
        return control("GET", "/__emulator/cdc", null).path("subscriptions").asInt();
    }

    /** Selects the objects the org publishes change events for. */
    void enableChangeEvents(List<String> objects) {
        control("PUT", "/__emulator/cdc", Map.of("enabled", objects));
    }

    /** Emulator's Change Data Capture controls, e.g. {@code stall-streams}, {@code expire-replay-ids}. */
    JsonNode cdc(String action, Object body) {
        return control("POST", "/__emulator/cdc/" + action, body == null ? Map.of() : body);
    }

    public EmulatorCredentials credentials() {
        return emulator.credentials();
    }

    String baseUrl() {
        return emulator.baseUrl();
    }

    /** Whether Salesforce accepts this refresh token (a login with it succeeds). */
    boolean acceptsRefreshToken(String refreshToken) {
        try {
            SalesforceClient.create(new RefreshTokenCredentials(URI.create(emulator.baseUrl()), credentials().clientId(),
                    credentials().clientSecret(), refreshToken), "59.0", rotated -> { }).session();
            return true;
        } catch (dev.mosaic.salesforce.client.SalesforceException e) {
            return false;
        }
    }

    /** Logs in with a refresh token of an org that rotates them; returns the token Salesforce rotated it to. */
    String rotate(String refreshToken) {
        String[] rotated = {null};
        SalesforceClient.create(new RefreshTokenCredentials(URI.create(emulator.baseUrl()), credentials().clientId(),
                credentials().clientSecret(), refreshToken), "59.0", newer -> rotated[0] = newer).session();
        if (rotated[0] == null) {
            throw new AssertionError("The org did not rotate the refresh token");
        }
        return rotated[0];
    }

    /** Creates a record through the REST API, as a Salesforce user would; returns its id. */
    public String create(String object, Map<String, Object> fields) {
        HttpResponse<String> response = rest("POST", "/services/data/v59.0/sobjects/" + object + "/", fields, 201);
        try {
            return JSON.readTree(response.body()).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes a record through the REST API, as a Salesforce user would. */
    void update(String object, String id, Map<String, Object> fields) {
        rest("PATCH", "/services/data/v59.0/sobjects/" + object + "/" + id, fields, 204);
    }

    /** Takes a record back out of the recycle bin (Salesforce's undelete). */
    void undelete(String object, String id) {
        control("POST", "/__emulator/undelete", Map.of("object", object, "id", id));
    }

    /** Deletes a record through the REST API (to the recycle bin). */
    void delete(String object, String id) {
        rest("DELETE", "/services/data/v59.0/sobjects/" + object + "/" + id, null, 204);
    }

    private HttpResponse<String> rest(String method, String path, Object body, int expected) {
        try {
            var session = truth.session();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(session.instanceUrl().resolve(path))
                    .header("Authorization", "Bearer " + session.accessToken()).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every record of a SOQL query (live, deleted and archived), all pages. */
    List<JsonNode> queryAll(String soql) {
        List<JsonNode> records = new ArrayList<>();
        QueryPage page = truth.queryAll(soql);
        while (true) {
            records.addAll(page.records());
            if (page.nextRecordsUrl() == null) {
                return records;
            }
            page = truth.next(page);
        }
    }

    JsonNode mutate(long seed, int creates, int updates, int deletes) {
        return control("POST", "/__emulator/mutate", Map.of("seed", seed, "creates", creates, "updates", updates,
                "deletes", deletes));
    }

    void merge(String object, String masterId, String mergedId) {
        control("POST", "/__emulator/merge", Map.of("object", object, "masterId", masterId, "mergedIds", List.of(mergedId)));
    }

    /** As an admin editing a formula's definition: every record's value changes, no record's SystemModstamp does. */
    void redefineFormula(String object, String field, double factor) {
        control("POST", "/__emulator/formulas", Map.of("object", object, "field", field, "factor", factor));
    }

    void fault(String kind, String match, int times) {
        fault(kind, match, times, 0);
    }

    /** @param after matching requests that pass before the fault fires */
    void fault(String kind, String match, int times, int after) {
        control("POST", "/__emulator/faults", Map.of("kind", kind, "match", match, "times", times, "after", after));
    }

    void clearFaults() {
        control("DELETE", "/__emulator/faults", null);
    }

    void expireSessions() {
        control("POST", "/__emulator/expire-sessions", Map.of());
    }

    void revokeRefreshTokens() {
        control("POST", "/__emulator/revoke-refresh-tokens", Map.of());
    }

    long apiCalls() {
        return control("GET", "/__emulator/stats", null).path("apiCalls").asLong();
    }

    JsonNode stats() {
        return control("GET", "/__emulator/stats", null);
    }

    private JsonNode control(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        emulator.close();
    }
}
