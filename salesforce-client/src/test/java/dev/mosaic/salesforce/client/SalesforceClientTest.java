package dev.mosaic.salesforce.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.salesforce.emulator.EmulatorCredentials;
import dev.mosaic.salesforce.emulator.SalesforceEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against the Salesforce emulator over real HTTP. */
class SalesforceClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static SalesforceEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = SalesforceEmulator.builder().seed(11).accounts(50).start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @AfterEach
    void clearFaults() throws Exception {
        control("DELETE", "/__emulator/faults", null);
    }

    @Test
    void readsEveryRecordOfAQueryPageByPage() throws Exception {
        SalesforceClient client = client(emulator);
        long live = stats(emulator).path("records").path("Task").path("live").asLong();

        Set<String> ids = new HashSet<>();
        int pages = 1;
        QueryPage page = client.queryAll("SELECT Id, Subject FROM Task WHERE IsDeleted = false", 200);
        page.records().forEach(record -> ids.add(record.path("Id").asText()));
        while (!page.done()) {
            page = client.next(page);
            page.records().forEach(record -> ids.add(record.path("Id").asText()));
            pages++;
        }

        assertThat(live).isGreaterThan(400);
        assertThat(ids).hasSize((int) live);
        assertThat(pages).isEqualTo((int) ((live + 199) / 200));
        assertThat(page.totalSize()).isEqualTo(live);
    }

    @Test
    void aBulkQueryReadsAWholeObjectPageByPageWithoutWaitingOnTheClock() throws Exception {
        SalesforceClient client = client(emulator);
        JsonNode tasks = stats(emulator).path("records").path("Task");
        List<java.time.Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        Set<String> live = new HashSet<>();
        Set<String> all = new HashSet<>();
        List<String> subjects = new ArrayList<>();

        // A query leaves out archived activities (as Salesforce does); queryAll has them, and deleted ones too.
        long currentRows = client.bulkQuery("SELECT Id, Subject FROM Task", false, 150, waits::add, row -> {
            live.add(row.get("Id"));
            subjects.add(row.get("Subject"));
        });
        long allRows = client.bulkQuery("SELECT Id FROM Task", true, 150, waits::add, row -> all.add(row.get("Id")));

        assertThat(currentRows).isEqualTo(live.size()).isEqualTo(client.query("SELECT Id FROM Task").totalSize());
        assertThat(allRows).isEqualTo(all.size()).isEqualTo(tasks.path("live").asLong() + tasks.path("deleted").asLong())
                .isGreaterThan(3 * 150);
        assertThat(all).containsAll(live);
        assertThat(subjects).allSatisfy(subject -> assertThat(subject).isNotBlank());
        assertThat(waits).allSatisfy(wait -> assertThat(wait).isBetween(java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(15)));
    }

    @Test
    void aCompositeCallAnswersSeveralQueriesForOneApiCallEachOnItsOwn() throws Exception {
        SalesforceClient client = client(emulator);
        client.session();
        List<String> soql = List.of("SELECT Id FROM Account", "SELECT Id FROM Contact", "SELECT NoSuchField__c FROM Lead",
                "SELECT Id FROM Opportunity");
        long callsBefore = stats(emulator).path("apiCalls").asLong();

        List<CompositeAnswer> answers = client.compositeGets(soql.stream().map(client::queryAllPath).toList());

        assertThat(stats(emulator).path("apiCalls").asLong() - callsBefore).isEqualTo(1);
        assertThat(answers).hasSize(4);
        assertThat(answers.get(0).body().path("totalSize").asLong())
                .isEqualTo(client.queryAll("SELECT Id FROM Account").totalSize()).isPositive();
        assertThat(answers.get(1).succeeded()).isTrue();
        assertThat(answers.get(2).error().disposition()).isEqualTo(Disposition.FAIL);
        assertThat(answers.get(2).error().errorCode()).isEqualTo("INVALID_FIELD");
        assertThat(answers.get(3).body().path("totalSize").asLong()).isPositive();
    }

    @Test
    void manyThreadsThatFindTheSessionExpiredLogInOnce() throws Exception {
        SalesforceClient client = client(emulator);
        client.session();
        long loginsBefore = logins(emulator);
        emulator.expireSessions();

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<QueryPage>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(threads.submit(() -> client.query("SELECT Id FROM Account LIMIT 1")));
            }
            for (Future<QueryPage> answer : answers) {
                assertThat(answer.get().records()).hasSize(1);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(logins(emulator) - loginsBefore).isEqualTo(1);
    }

    @Test
    void eachFailureSaysWhatToDo() throws Exception {
        SalesforceClient client = client(emulator);
        assertThat(dispositionAfterFault(client, "REQUEST_LIMIT_EXCEEDED")).isEqualTo(Disposition.RATE_LIMITED);
        assertThat(dispositionAfterFault(client, "SERVER_UNAVAILABLE")).isEqualTo(Disposition.RETRY);
        assertThat(dispositionAfterFault(client, "TOO_MANY_REQUESTS")).isEqualTo(Disposition.RETRY);
        assertThat(dispositionAfterFault(client, "QUERY_TIMEOUT")).isEqualTo(Disposition.SPLIT);
        // Java's HTTP client sends a GET again once by itself when the connection drops: drop it every time.
        assertThat(dispositionAfterFault(client, "DROP_CONNECTION", 3)).isEqualTo(Disposition.RETRY);

        assertThatThrownBy(() -> client.query("SELECT NoSuchField__c FROM Account"))
                .isInstanceOfSatisfying(SalesforceException.class, e -> {
                    assertThat(e.disposition()).isEqualTo(Disposition.FAIL);
                    assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
                    assertThat(e.getMessage()).contains("/query").contains("INVALID_FIELD");
                });
    }

    @Test
    void aRevokedRefreshTokenMeansReconnectAndItsMessageHoldsNoSecret() throws Exception {
        try (SalesforceEmulator revoked = SalesforceEmulator.builder().seed(12).accounts(1).start()) {
            control(revoked, "POST", "/__emulator/revoke-refresh-tokens", "{}");
            EmulatorCredentials credentials = revoked.credentials();

            assertThatThrownBy(() -> client(revoked).query("SELECT Id FROM Account"))
                    .isInstanceOfSatisfying(SalesforceException.class, e -> {
                        assertThat(e.disposition()).isEqualTo(Disposition.NEEDS_RECONNECT);
                        assertThat(e.errorCode()).isEqualTo("invalid_grant");
                        assertThat(e.getMessage()).doesNotContain(credentials.refreshToken())
                                .doesNotContain(credentials.clientSecret());
                    });
        }
    }

    @Test
    void readsTheOrgAndItsUsageAndKeepsSecretsOutOfToString() {
        SalesforceClient client = client(emulator);
        EmulatorCredentials credentials = emulator.credentials();

        JsonNode describe = client.describe("Account");
        Session session = client.session();

        assertThat(describe.path("name").asText()).isEqualTo("Account");
        assertThat(session.orgId()).startsWith("00D");
        assertThat(client.lastUsage()).hasValueSatisfying(usage -> {
            assertThat(usage.used()).isPositive();
            assertThat(usage.max()).isGreaterThan(usage.used());
        });
        String shown = session + " " + credentials(emulator);
        assertThat(shown).doesNotContain(session.accessToken()).doesNotContain(credentials.clientSecret())
                .doesNotContain(credentials.refreshToken());
    }

    @Test
    void underRefreshTokenRotationLogsInWithTheNewestTokenAndHandsEachOneOver() throws Exception {
        try (SalesforceEmulator rotating = SalesforceEmulator.builder().seed(13).accounts(1).rotateRefreshTokens(true).start()) {
            List<String> stored = new java.util.concurrent.CopyOnWriteArrayList<>();
            SalesforceClient client = new SalesforceClient(HttpClient.newHttpClient(), credentials(rotating), "59.0", stored::add);

            client.query("SELECT Id FROM Account");
            rotating.expireSessions();
            QueryPage afterSecondLogin = client.query("SELECT Id FROM Account");

            assertThat(afterSecondLogin.records()).isNotEmpty();
            assertThat(stored).hasSize(2).doesNotHaveDuplicates().doesNotContain(rotating.credentials().refreshToken());
        }
    }

    @Test
    void logsInWithClientCredentialsOrASignedJwtAsWell() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair keys = generator.generateKeyPair();
        try (SalesforceEmulator org = SalesforceEmulator.builder().seed(14).accounts(2).jwtPublicKey(keys.getPublic()).start()) {
            EmulatorCredentials credentials = org.credentials();
            URI login = URI.create(org.baseUrl());
            LoginGrant clientCredentials = new ClientCredentialsGrant(login, credentials.clientId(), credentials.clientSecret());
            LoginGrant jwt = new JwtBearerGrant(login, credentials.clientId(), credentials.username(), keys.getPrivate(),
                    "https://login.salesforce.com", java.time.Clock.systemUTC());
            LoginGrant jwtOfAnotherKey = new JwtBearerGrant(login, credentials.clientId(), credentials.username(),
                    generator.generateKeyPair().getPrivate(), "https://login.salesforce.com", java.time.Clock.systemUTC());

            for (LoginGrant grant : List.of(clientCredentials, jwt)) {
                SalesforceClient client = new SalesforceClient(HttpClient.newHttpClient(), grant, "59.0");
                assertThat(client.query("SELECT Id FROM Account").totalSize()).as(grant.flow()).isEqualTo(2);
            }
            assertThatThrownBy(() -> new SalesforceClient(HttpClient.newHttpClient(), jwtOfAnotherKey, "59.0").session())
                    .isInstanceOfSatisfying(SalesforceException.class,
                            e -> assertThat(e.disposition()).isEqualTo(Disposition.NEEDS_RECONNECT));
            assertThat(clientCredentials + " " + jwt).doesNotContain(credentials.clientSecret());
        }
    }

    @Test
    void aPersonsApprovalInTheBrowserBecomesARefreshTokenOnce() throws Exception {
        EmulatorCredentials credentials = emulator.credentials();
        URI login = URI.create(emulator.baseUrl());
        URI callback = URI.create("https://login.salesforce.com/");
        AuthorizationCodeFlow.Pkce pkce = AuthorizationCodeFlow.Pkce.create();
        URI authorize = AuthorizationCodeFlow.authorizeUrl(login, credentials.clientId(), callback, "state-42", pkce);

        // The person's browser: the login page, the approval page, then the redirect back with the code.
        String loginPage = HTTP.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString()).body();
        String approvalPage = postForm("pending=" + pending(loginPage) + "&step=login&username="
                + java.net.URLEncoder.encode(credentials.username(), java.nio.charset.StandardCharsets.UTF_8)
                + "&pw=" + java.net.URLEncoder.encode(credentials.password(), java.nio.charset.StandardCharsets.UTF_8)).body();
        HttpResponse<String> redirect = postForm("pending=" + pending(approvalPage) + "&step=approve&decision=Allow");
        URI back = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        String code = java.net.URLDecoder.decode(back.getRawQuery().replaceAll(".*code=([^&]+).*", "$1"),
                java.nio.charset.StandardCharsets.UTF_8);

        RefreshTokenCredentials connected = AuthorizationCodeFlow.exchange(HttpClient.newHttpClient(), login,
                credentials.clientId(), credentials.clientSecret(), code, callback, pkce);

        assertThat(back.getRawQuery()).contains("state=state-42");
        assertThat(new SalesforceClient(HttpClient.newHttpClient(), connected, "59.0").query("SELECT Id FROM Account")
                .totalSize()).isPositive();
        assertThatThrownBy(() -> AuthorizationCodeFlow.exchange(HttpClient.newHttpClient(), login, credentials.clientId(),
                credentials.clientSecret(), code, callback, pkce))
                .isInstanceOfSatisfying(SalesforceException.class,
                        e -> assertThat(e.disposition()).isEqualTo(Disposition.NEEDS_RECONNECT));
        assertThat(pkce.toString()).doesNotContain(pkce.verifier());
    }

    private static HttpResponse<String> postForm(String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/services/oauth2/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String pending(String html) {
        java.util.regex.Matcher pending = java.util.regex.Pattern.compile("name=\"pending\" value=\"([^\"]+)\"").matcher(html);
        assertThat(pending.find()).as(html).isTrue();
        return java.net.URLEncoder.encode(pending.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Disposition dispositionAfterFault(SalesforceClient client, String kind) throws Exception {
        return dispositionAfterFault(client, kind, 1);
    }

    private static Disposition dispositionAfterFault(SalesforceClient client, String kind, int times) throws Exception {
        control("POST", "/__emulator/faults", "{\"kind\":\"" + kind + "\",\"match\":\"/query\",\"times\":" + times + "}");
        try {
            client.query("SELECT Id FROM Account LIMIT 1");
            throw new AssertionError("the armed fault " + kind + " did not fail the query");
        } catch (SalesforceException e) {
            return e.disposition();
        }
    }

    private static SalesforceClient client(SalesforceEmulator org) {
        return new SalesforceClient(HttpClient.newHttpClient(), credentials(org), "59.0");
    }

    private static RefreshTokenCredentials credentials(SalesforceEmulator org) {
        EmulatorCredentials credentials = org.credentials();
        return new RefreshTokenCredentials(URI.create(org.baseUrl()), credentials.clientId(), credentials.clientSecret(),
                credentials.refreshToken());
    }

    private static long logins(SalesforceEmulator org) throws Exception {
        return stats(org).path("calls").path("oauth2/token").asLong();
    }

    private static JsonNode stats(SalesforceEmulator org) throws Exception {
        return JSON.readTree(control(org, "GET", "/__emulator/stats", null));
    }

    private static String control(String method, String path, String body) throws Exception {
        return control(emulator, method, path, body);
    }

    private static String control(SalesforceEmulator org, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(org.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path).isBetween(200, 299);
        return response.body();
    }
}
