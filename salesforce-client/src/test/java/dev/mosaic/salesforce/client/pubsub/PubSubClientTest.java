package dev.mosaic.salesforce.client.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.salesforce.client.RefreshTokenCredentials;
import dev.mosaic.salesforce.client.SalesforceClient;
import dev.mosaic.salesforce.emulator.SalesforceEmulator;
import dev.mosaic.salesforce.emulator.org.Org;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Pub/Sub client against the emulator's gRPC server: events decoded, resumed, and failures told apart. */
class PubSubClientTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static SalesforceEmulator emulator;
    private static SalesforceClient rest;
    private PubSubClient client;
    private PubSubClient.Subscription subscription;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.builder().seed(12).accounts(5)
                .pubsubTimings(Duration.ofMillis(500), Duration.ofSeconds(30)).start();
        rest = new SalesforceClient(HttpClient.newHttpClient(), new RefreshTokenCredentials(URI.create(emulator.baseUrl()),
                emulator.credentials().clientId(), emulator.credentials().clientSecret(), emulator.credentials().refreshToken()),
                "59.0");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void close() {
        if (subscription != null) {
            subscription.cancel();
        }
        if (client != null) {
            client.close();
        }
    }

    @Test
    void decodesWhatChangedUnderTheFieldsRestNames() throws Exception {
        Heard heard = subscribe("/data/ChangeEvents", PubSubClient.Start.latest());
        heard.keepalive();
        Org org = emulator.org();
        String id = org.create("Account", Map.of("Name", "Initech", "Phone", "555-0199", "BillingCity", "Austin"),
                org.adminUser());
        Map<String, Object> update = new HashMap<>();
        update.put("Industry", "Technology");
        update.put("Phone", null);
        update.put("BillingCity", "Dallas");
        org.update("Account", id, update, org.adminUser());
        org.delete("Account", id, org.adminUser());

        List<ChangeEvent> events = heard.events(3);
        assertThat(events).extracting(ChangeEvent::changeType).containsExactly("CREATE", "UPDATE", "DELETE");
        assertThat(events.get(0).values()).containsEntry("Name", "Initech").containsEntry("BillingCity", "Austin");
        ChangeEvent updated = events.get(1);
        assertThat(updated.changedFields()).containsExactlyInAnyOrder("Industry", "Phone", "BillingCity", "LastModifiedDate");
        assertThat(updated.nulledFields()).containsExactly("Phone");
        assertThat(updated.values()).containsEntry("Industry", "Technology").containsEntry("BillingCity", "Dallas")
                .containsEntry("Phone", null).doesNotContainKey("Name");
        assertThat(events.get(2).values()).isEmpty();
        assertThat(events).allSatisfy(event -> {
            assertThat(event.entity()).isEqualTo("Account");
            assertThat(event.recordIds()).containsExactly(id);
        });
    }

    @Test
    void resumesRightAfterAStoredReplayIdAndTellsAnExpiredOneApart() throws Exception {
        Heard heard = subscribe("/data/ContactChangeEvent", PubSubClient.Start.latest());
        heard.keepalive();
        Org org = emulator.org();
        org.create("Contact", Map.of("LastName", "Before"), org.adminUser());
        ReplayId stored = heard.events(1).get(0).replayId();
        String after = org.create("Contact", Map.of("LastName", "After"), org.adminUser());
        heard.events(1);
        subscription.cancel();

        Heard resumed = subscribe("/data/ContactChangeEvent", PubSubClient.Start.after(ReplayId.fromBase64(stored.base64())));
        assertThat(resumed.events(1).get(0).recordIds()).containsExactly(after);
        subscription.cancel();

        control("/__emulator/cdc/expire-replay-ids");
        Heard refused = subscribe("/data/ContactChangeEvent", PubSubClient.Start.after(stored));
        PubSubException failure = refused.failure();
        assertThat(failure.kind()).isEqualTo(PubSubException.Kind.REPLAY_INVALID);
        assertThat(failure.errorCode()).endsWith("replayid.corrupted");
    }

    @Test
    void aStreamEndedByAnAuthErrorSaysSoAndAnUnknownTopicIsNotFound() throws Exception {
        Heard heard = subscribe("/data/LeadChangeEvent", PubSubClient.Start.latest());
        heard.keepalive();
        control("/__emulator/cdc/fail-streams");
        assertThat(heard.failure().kind()).isEqualTo(PubSubException.Kind.AUTH);

        assertThatThrownBy(() -> client.topic("/data/NoteChangeEvent")).isInstanceOfSatisfying(PubSubException.class,
                e -> assertThat(e.kind()).isEqualTo(PubSubException.Kind.NOT_FOUND));
        assertThat(client.topic("/data/LeadChangeEvent").canSubscribe()).isTrue();
    }

    private Heard subscribe(String topic, PubSubClient.Start start) {
        if (client == null) {
            client = new PubSubClient(emulator.pubsubUrl(), true, rest::session);
        }
        Heard heard = new Heard();
        subscription = client.subscribe(topic, start, heard);
        return heard;
    }

    private static void control(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** What a subscription heard, in order. */
    private static final class Heard implements ChangeListener {
        private final BlockingQueue<Object> heard = new LinkedBlockingQueue<>();

        @Override
        public void onEvents(List<ChangeEvent> events, ReplayId latest) {
            if (events.isEmpty()) {
                heard.add(latest);
            }
            heard.addAll(events);
        }

        @Override
        public void onError(PubSubException failure) {
            heard.add(failure);
        }

        void keepalive() throws InterruptedException {
            assertThat(next()).isInstanceOf(ReplayId.class);
        }

        List<ChangeEvent> events(int count) throws InterruptedException {
            List<ChangeEvent> events = new ArrayList<>();
            while (events.size() < count) {
                Object next = next();
                if (next instanceof PubSubException e) {
                    throw new AssertionError("the stream failed", e);
                }
                if (next instanceof ChangeEvent event) {
                    events.add(event);
                }
            }
            return events;
        }

        PubSubException failure() throws InterruptedException {
            Object next;
            do {
                next = next();
            } while (!(next instanceof PubSubException));
            return (PubSubException) next;
        }

        private Object next() throws InterruptedException {
            Object next = heard.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(next).as("something heard within " + WAIT).isNotNull();
            return next;
        }
    }
}
