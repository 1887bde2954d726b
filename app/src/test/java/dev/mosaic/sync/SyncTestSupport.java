package dev.mosaic.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.testing.MosaicIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the sync's tests share: connecting an emulated org over the API, waiting for rounds, finding records. */
abstract class SyncTestSupport extends MosaicIntegrationTest {

    /** Connects the org to the token's workspace as an admin would; returns the connection id. */
    protected String connect(String token, EmulatedOrg org) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/connections/salesforce", token, org.connectionValues());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).path("id").asText();
    }

    /** Connects the org and waits for its first round; returns the connection id. */
    protected String connectAndSync(String token, EmulatedOrg org) throws Exception {
        String id = connect(token, org);
        awaitRound(token, id, Instant.EPOCH);
        return id;
    }

    /** Waits for a round that ended after {@code after}; returns the connection as it stands then. */
    protected JsonNode awaitRound(String token, String id, Instant after) {
        JsonNode[] last = {null};
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode connection = getJson("/api/v1/connections/salesforce/" + id, token);
            last[0] = connection;
            return !connection.path("status").asText().equals("SYNCING") && connection.hasNonNull("lastRoundAt")
                    && Instant.parse(connection.path("lastRoundAt").asText()).isAfter(after);
        });
        return last[0];
    }

    protected String resolve(String token, String object, String id) throws Exception {
        return getJson("/api/v1/external/salesforce/" + object + "/" + id, token).path("id").asText();
    }

    protected int get(String token, String object, String id) {
        try {
            return get("/api/v1/external/salesforce/" + object + "/" + id, token).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    protected void syncNow(String token, String id) throws Exception {
        call("POST", "/api/v1/connections/salesforce/" + id + "/sync", token, null);
    }

    /** The ids of the entities this one points at by relations of this kind. */
    protected static List<String> relationsOf(JsonNode entity, String kind) {
        List<String> ids = new ArrayList<>();
        for (JsonNode relation : entity.path("relations")) {
            if (relation.path("kind").asText().equals(kind) && relation.path("direction").asText().equals("out")) {
                ids.add(relation.path("id").asText());
            }
        }
        return ids;
    }

    /** What this Salesforce record says of the field: the entity shows it as its value or as an alternative. */
    protected static String valueFrom(JsonNode entity, String field, String recordId) {
        JsonNode value = nodeFrom(entity, field, recordId);
        return value == null ? null : value.asText();
    }

    /** What this Salesforce record says of the field, as JSON (an address is an object). */
    protected static JsonNode nodeFrom(JsonNode entity, String field, String recordId) {
        JsonNode candidates = entity.path("fields").path(field);
        List<JsonNode> all = new ArrayList<>();
        if (!candidates.isMissingNode()) {
            all.add(candidates);
            candidates.path("alternatives").forEach(all::add);
        }
        for (JsonNode candidate : all) {
            if (candidate.path("source").path("externalId").asText().endsWith("/" + recordId)) {
                return candidate.path("value");
            }
        }
        return null;
    }
}
