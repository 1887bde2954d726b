package dev.mosaic.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import dev.mosaic.connection.SalesforceConnection;
import dev.mosaic.connection.SalesforceConnections;
import dev.mosaic.sync.mapping.MappingContext;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An app instance listens to at most {@code mosaic.salesforce.max-streams} change streams (two in tests), so rounds and
 * imports always find a background thread: the orgs past it are polled and say why, and take a stream that frees up.
 * A disconnected org's stream ends, and nothing it hears lands after the disconnect.
 */
class ChangeStreamCapacityTest extends SyncTestSupport {

    @Autowired
    private SalesforceConnections connections;
    @Autowired
    private ChunkWriter chunks;

    @Test
    void orgsPastTheMostStreamsArePolledUntilAStreamFreesUpAndADisconnectedOrgWritesNothingMore() throws Exception {
        List<EmulatedOrg> orgs = List.of(new EmulatedOrg(81, 1), new EmulatedOrg(82, 1), new EmulatedOrg(83, 1));
        try {
            TenantAdmin admin = newTenantAdmin();
            String token = admin.token();
            List<String> ids = new ArrayList<>();
            for (EmulatedOrg org : orgs) {
                HttpResponse<String> response = send("POST", "/api/v1/connections/salesforce", token,
                        org.streamingConnectionValues());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                ids.add(json(response).path("id").asText());
            }
            for (String id : ids) {
                awaitRound(token, id, Instant.EPOCH);
            }

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                    states(token, ids).stream().filter("LIVE"::equals).count() == 2
                            && states(token, ids).contains("WAITING"));
            List<String> states = states(token, ids);
            String waiting = ids.get(states.indexOf("WAITING"));
            JsonNode polled = getJson("/api/v1/connections/salesforce/" + waiting, token);
            assertThat(polled.path("changeStream").path("detail").asText()).contains("as many change streams as it may (2)");
            polled.path("objects").forEach(object -> assertThat(object.path("mode").asText()).isEqualTo("POLLING"));

            // Disconnected, its records kept, and Salesforce down for the token's revocation (so the stream's session
            // stays valid): what Salesforce changes afterwards must not reach the graph, though the stream may hear it
            // before its session ends.
            int live = states.indexOf("LIVE");
            orgs.get(live).fault("SERVER_UNAVAILABLE", "/services/oauth2/revoke", 10);
            SalesforceConnection disconnecting = connections.find(admin.tenantId(), UUID.fromString(ids.get(live))).orElseThrow();
            HttpResponse<String> disconnected = send("DELETE", "/api/v1/connections/salesforce/" + ids.get(live), token,
                    null);
            assertThat(disconnected.statusCode()).as(disconnected.body()).isEqualTo(200);
            // Salesforce goes on changing; the stream may still hear it (Mosaic's token is revoked: the org's own tools).
            JsonNode heardTooLate = orgs.get(live).mutate(7, 6, 0, 0).path("createdIds");
            assertThat(heardTooLate.size()).isPositive();

            // A batch its stream was writing as the disconnect came is refused whole, its position not saved.
            boolean[] positionSaved = {false};
            RoundContext lateBatch = new RoundContext(disconnecting, null,
                    new MappingContext(disconnecting.orgId(), disconnecting.instanceUrl(), "USD"),
                    Instant.now(), () -> false, Streamed.NOTHING);
            assertThatThrownBy(() -> chunks.writeStreamed(lateBatch, Map.of(), () -> positionSaved[0] = true))
                    .isInstanceOf(RoundStoppedException.class);
            assertThat(positionSaved[0]).isFalse();

            // Its stream ends, and the org that waited takes its place.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                    getJson("/api/v1/connections/salesforce/" + waiting, token).path("changeStream").path("state").asText()
                            .equals("LIVE"));
            String gone = orgs.get(live).orgId();
            heardTooLate.fields().forEachRemaining(object -> object.getValue().forEach(id ->
                    assertThat(status("/api/v1/external/salesforce/" + object.getKey() + "/" + id.asText() + "?org=" + gone,
                            token)).as("a change made after the disconnect").isEqualTo(404)));
        } finally {
            orgs.forEach(EmulatedOrg::close);
        }
    }

    private int status(String path, String token) {
        try {
            return get(path, token).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<String> states(String token, List<String> ids) throws Exception {
        List<String> states = new ArrayList<>();
        for (String id : ids) {
            states.add(getJson("/api/v1/connections/salesforce/" + id, token).path("changeStream").path("state").asText());
        }
        return states;
    }
}
