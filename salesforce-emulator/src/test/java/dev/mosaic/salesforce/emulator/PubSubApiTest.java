package dev.mosaic.salesforce.emulator;

import static dev.mosaic.salesforce.emulator.Http.V;
import static dev.mosaic.salesforce.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.salesforce.emulator.pubsub.wire.FetchResponse;
import dev.mosaic.salesforce.emulator.pubsub.wire.ReplayPreset;
import dev.mosaic.salesforce.emulator.pubsub.wire.SchemaRequest;
import dev.mosaic.salesforce.emulator.pubsub.wire.TopicInfo;
import dev.mosaic.salesforce.emulator.pubsub.wire.TopicRequest;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Pub/Sub API over real gRPC, checked as a subscriber sees it: payloads decoded with Apache Avro using the schema
 * {@code GetSchema} returns, bitmaps expanded as Salesforce documents them.
 */
class PubSubApiTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("error-code", Metadata.ASCII_STRING_MARSHALLER);
    private static SalesforceEmulator emulator;
    private static Http http;
    private static String token;
    private PubSubSubscriber subscriber;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.builder().seed(61).accounts(5)
                .pubsubTimings(Duration.ofMillis(600), Duration.ofSeconds(30)).start();
        http = new Http(emulator.baseUrl());
        token = http.login(emulator.credentials());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void closeSubscriber() {
        if (subscriber != null) {
            subscriber.close();
        }
    }

    @Test
    void topicsNameTheirSchemaAndTheSchemaIsAvroWithTheHeaderFirst() {
        subscriber = new PubSubSubscriber(emulator, token);
        TopicInfo topic = subscriber.blocking().getTopic(TopicRequest.newBuilder().setTopicName("/data/AccountChangeEvent").build());
        assertThat(topic.getCanSubscribe()).isTrue();
        assertThat(topic.getTenantGuid()).isEqualTo(emulator.org().orgId());

        Schema schema = new Schema.Parser().parse(subscriber.blocking()
                .getSchema(SchemaRequest.newBuilder().setSchemaId(topic.getSchemaId()).build()).getSchemaJson());
        assertThat(schema.getFullName()).isEqualTo("com.sforce.eventbus.AccountChangeEvent");
        assertThat(schema.getFields().get(0).name()).isEqualTo("ChangeEventHeader");
        assertThat(schema.getField("ChangeEventHeader").schema().getField("changeType").schema().getEnumSymbols().get(1))
                .isEqualTo("UPDATE");
        assertThat(schema.getField("BillingAddress").schema().getTypes().get(1).getField("City")).isNotNull();
        assertThat(schema.getField("BillingCity")).as("an address travels whole").isNull();
        assertThat(schema.getField("IsDeleted")).isNull();

        assertThatThrownBy(() -> subscriber.blocking().getTopic(TopicRequest.newBuilder().setTopicName("/data/NoteChangeEvent").build()))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("sfdc.platform.eventbus.grpc.topic.not.found"));
    }

    @Test
    void restWritesArriveAsOneEventPerRecordCarryingOnlyWhatChanged() {
        subscriber = new PubSubSubscriber(emulator, token);
        subscriber.subscribe("/data/ChangeEvents", ReplayPreset.LATEST, null, 100);
        subscriber.response(WAIT);

        String id = json(http.postJson(V + "/sobjects/Account", token, Map.of("Name", "Northwind", "Phone", "555-0100",
                "BillingCity", "Lyon"))).get("id").asText();
        Map<String, Object> update = new HashMap<>();
        update.put("Industry", "Energy");
        update.put("BillingCity", "Paris");
        update.put("Phone", null);
        assertThat(http.method("PATCH", V + "/sobjects/Account/" + id, token, update).statusCode()).isEqualTo(204);
        assertThat(http.method("DELETE", V + "/sobjects/Account/" + id, token, null).statusCode()).isEqualTo(204);

        List<PubSubSubscriber.Change> changes = subscriber.changes(3, WAIT);
        assertThat(changes).extracting(PubSubSubscriber.Change::changeType).containsExactly("CREATE", "UPDATE", "DELETE");
        assertThat(changes).allSatisfy(change -> assertThat(change.recordIds()).containsExactly(id));
        PubSubSubscriber.Change created = changes.get(0);
        assertThat(created.field("Name")).isEqualTo("Northwind");
        assertThat(created.changedFields()).isEmpty();
        assertThat(((GenericRecord) created.field("BillingAddress")).get("City").toString()).isEqualTo("Lyon");

        PubSubSubscriber.Change updated = changes.get(1);
        assertThat(updated.changedFields()).containsExactlyInAnyOrder("Industry", "Phone", "LastModifiedDate",
                "BillingAddress.City");
        assertThat(updated.nulledFields()).containsExactly("Phone");
        assertThat(updated.field("Industry")).isEqualTo("Energy");
        assertThat(updated.field("Name")).as("unchanged: not sent").isNull();
        assertThat(((GenericRecord) updated.field("BillingAddress")).get("City").toString()).isEqualTo("Paris");
        assertThat(updated.header().get("commitTimestamp")).isInstanceOf(Long.class);

        PubSubSubscriber.Change deleted = changes.get(2);
        assertThat(deleted.field("Name")).isNull();
        assertThat(replayId(deleted.replayId())).isGreaterThan(replayId(updated.replayId()));
    }

    @Test
    void anUndeleteBringsTheWholeRecordBack() {
        subscriber = new PubSubSubscriber(emulator, token);
        subscriber.subscribe("/data/AccountChangeEvent", ReplayPreset.LATEST, null, 100);
        subscriber.response(WAIT);
        String id = json(http.postJson(V + "/sobjects/Account", token, Map.of("Name", "Lazarus Ltd"))).get("id").asText();
        assertThat(http.method("DELETE", V + "/sobjects/Account/" + id, token, null).statusCode()).isEqualTo(204);

        var undeleted = http.postJson("/__emulator/undelete", null, Map.of("object", "Account", "id", id));
        assertThat(undeleted.statusCode()).as(undeleted.body()).isEqualTo(200);

        List<PubSubSubscriber.Change> changes = subscriber.changes(3, WAIT);
        assertThat(changes).extracting(PubSubSubscriber.Change::changeType).containsExactly("CREATE", "DELETE", "UNDELETE");
        assertThat(changes.get(2).field("Name")).isEqualTo("Lazarus Ltd");
        assertThat(http.get(V + "/sobjects/Account/" + id, token).statusCode()).isEqualTo(200);
    }

    @Test
    void aMergeIsAnUpdateOfTheWinnerAndADeleteOfTheLoser() {
        String winner = json(http.postJson(V + "/sobjects/Contact", token, Map.of("LastName", "Okafor"))).get("id").asText();
        String loser = json(http.postJson(V + "/sobjects/Contact", token, Map.of("LastName", "Okafor"))).get("id").asText();
        subscriber = new PubSubSubscriber(emulator, token);
        subscriber.subscribe("/data/ContactChangeEvent", ReplayPreset.LATEST, null, 100);
        subscriber.response(WAIT);

        assertThat(http.postJson("/__emulator/merge", null, Map.of("object", "Contact", "masterId", winner,
                "mergedIds", List.of(loser))).statusCode()).isEqualTo(200);

        List<PubSubSubscriber.Change> changes = subscriber.changes(2, WAIT);
        Map<String, String> typeOf = new HashMap<>();
        changes.forEach(change -> typeOf.put(change.recordIds().get(0), change.changeType()));
        assertThat(typeOf).containsEntry(winner, "UPDATE").containsEntry(loser, "DELETE");
        assertThat(changes.get(0).header().get("transactionKey").toString())
                .isEqualTo(changes.get(1).header().get("transactionKey").toString());
    }

    @Test
    void aStoredReplayIdResumesRightAfterItAndAnUnknownOneIsRefusedWithItsErrorCode() {
        subscriber = new PubSubSubscriber(emulator, token);
        subscriber.subscribe("/data/LeadChangeEvent", ReplayPreset.LATEST, null, 100);
        subscriber.response(WAIT);
        String first = json(http.postJson(V + "/sobjects/Lead", token, Map.of("LastName", "One", "Company", "A")))
                .get("id").asText();
        byte[] stored = subscriber.changes(1, WAIT).get(0).replayId();
        String second = json(http.postJson(V + "/sobjects/Lead", token, Map.of("LastName", "Two", "Company", "B")))
                .get("id").asText();
        subscriber.changes(1, WAIT);
        subscriber.close();

        subscriber = new PubSubSubscriber(emulator, token);
        subscriber.subscribe("/data/LeadChangeEvent", ReplayPreset.CUSTOM, stored, 100);
        assertThat(subscriber.changes(1, WAIT).get(0).recordIds()).containsExactly(second).doesNotContain(first);
        subscriber.close();

        subscriber = new PubSubSubscriber(emulator, token);
        subscriber.subscribe("/data/LeadChangeEvent", ReplayPreset.CUSTOM, ByteBuffer.allocate(8).putLong(Long.MAX_VALUE).array(), 10);
        Throwable refused = subscriber.error(WAIT);
        assertThat(Status.fromThrowable(refused).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(errorCode(refused)).isEqualTo("sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted");
    }

    @Test
    void flowControlSendsNoMoreThanAskedAndKeepalivesCarryTheLatestReplayId() {
        subscriber = new PubSubSubscriber(emulator, token);
        subscriber.subscribe("/data/TaskChangeEvent", ReplayPreset.LATEST, null, 1);
        subscriber.response(WAIT);
        for (int i = 0; i < 3; i++) {
            http.postJson(V + "/sobjects/Task", token, Map.of("Subject", "Call " + i));
        }

        FetchResponse one = subscriber.response(WAIT);
        assertThat(one.getEventsCount()).isEqualTo(1);
        assertThat(one.getPendingNumRequested()).isZero();
        FetchResponse quiet = subscriber.response(WAIT);
        assertThat(quiet.getEventsCount()).as("nothing more was asked for: a keepalive").isZero();
        assertThat(quiet.getLatestReplayId()).isEqualTo(one.getEvents(0).getReplayId());
        subscriber.request(5);
        assertThat(subscriber.changes(2, WAIT)).extracting(PubSubSubscriber.Change::changeType).containsOnly("CREATE");
    }

    @Test
    void aCallWithoutAValidSessionIsRefused() {
        PubSubSubscriber stranger = new PubSubSubscriber(emulator, "00Dx!not-a-session");
        try {
            assertThatThrownBy(() -> stranger.blocking().getTopic(TopicRequest.newBuilder().setTopicName("/data/ChangeEvents").build()))
                    .satisfies(e -> {
                        assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                        assertThat(errorCode(e)).isEqualTo("sfdc.platform.eventbus.grpc.service.auth.error");
                    });
        } finally {
            stranger.close();
        }
    }

    @Test
    void gapsAndOverflowsArriveAsHeaderOnlyEvents() {
        subscriber = new PubSubSubscriber(emulator, token);
        subscriber.subscribe("/data/OpportunityChangeEvent", ReplayPreset.LATEST, null, 100);
        subscriber.response(WAIT);

        http.postJson("/__emulator/cdc/gap", null, Map.of("object", "Opportunity", "changeType", "GAP_UPDATE",
                "recordIds", List.of("006000000000001AAA")));
        http.postJson("/__emulator/cdc/overflow", null, Map.of("object", "Opportunity"));

        List<PubSubSubscriber.Change> changes = subscriber.changes(2, WAIT);
        assertThat(changes).extracting(PubSubSubscriber.Change::changeType).containsExactly("GAP_UPDATE", "GAP_OVERFLOW");
        assertThat(changes.get(0).recordIds()).containsExactly("006000000000001AAA");
        assertThat(changes.get(1).recordIds()).containsExactly("000000000000000AAA");
    }

    @Test
    void aStalledStreamGoesSilentAndAFailedOneEndsWithAnAuthError() {
        subscriber = new PubSubSubscriber(emulator, token);
        subscriber.subscribe("/data/AccountChangeEvent", ReplayPreset.LATEST, null, 100);
        subscriber.response(WAIT);
        assertThat(json(http.postJson("/__emulator/cdc/stall-streams", null, Map.of())).get("stalled").asInt()).isPositive();
        http.postJson(V + "/sobjects/Account", token, Map.of("Name", "Unheard"));
        assertThat(subscriber.response(Duration.ofMillis(1500))).as("no event, no keepalive").isNull();
        subscriber.close();

        subscriber = new PubSubSubscriber(emulator, token);
        subscriber.subscribe("/data/AccountChangeEvent", ReplayPreset.LATEST, null, 100);
        subscriber.response(WAIT);
        http.postJson("/__emulator/cdc/fail-streams", null, Map.of());
        Throwable failed = subscriber.error(WAIT);
        assertThat(Status.fromThrowable(failed).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(errorCode(failed)).isEqualTo("sfdc.platform.eventbus.grpc.service.auth.error");
    }

    @Test
    void anExpiredReplayIdIsRefusedAsCorrupted() {
        subscriber = new PubSubSubscriber(emulator, token);
        subscriber.subscribe("/data/AccountChangeEvent", ReplayPreset.LATEST, null, 100);
        subscriber.response(WAIT);
        http.postJson(V + "/sobjects/Account", token, Map.of("Name", "Soon forgotten"));
        byte[] stored = subscriber.changes(1, WAIT).get(0).replayId();
        http.postJson(V + "/sobjects/Account", token, Map.of("Name", "Later"));
        subscriber.changes(1, WAIT);
        subscriber.close();

        http.postJson("/__emulator/cdc/expire-replay-ids", null, Map.of());
        subscriber = new PubSubSubscriber(emulator, token);
        subscriber.subscribe("/data/AccountChangeEvent", ReplayPreset.CUSTOM, stored, 10);
        assertThat(errorCode(subscriber.error(WAIT))).isEqualTo("sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted");
    }

    private static long replayId(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
    }

    private static String errorCode(Throwable e) {
        Metadata trailers = e instanceof StatusRuntimeException s ? s.getTrailers() : Status.trailersFromThrowable(e);
        return trailers == null ? null : trailers.get(ERROR_CODE);
    }
}
