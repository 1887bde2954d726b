package dev.mosaic.bench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.bench.BenchFailure;
import dev.mosaic.bench.harness.MosaicHttp;
import dev.mosaic.salesforce.client.Sleeper;
import dev.mosaic.salesforce.emulator.EmulatorCredentials;
import dev.mosaic.salesforce.emulator.SalesforceEmulator;
import dev.mosaic.bench.harness.Charts;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** What the sync scenarios do through the app's API: connect an org, press "Sync now", read connections and rounds. */
final class SyncDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration LOAD_POLL = Duration.ofSeconds(2);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(20);

    private SyncDriver() {
    }

    /** Connects the emulator's org as the user's guide says (consumer key, secret, refresh token); its connection id. */
    static String connect(MosaicHttp http, SalesforceEmulator emulator) throws IOException, InterruptedException {
        return connect(http, emulator, false);
    }

    /** @param streaming whether the connection names the emulator's Pub/Sub API, so it streams its changes too */
    static String connect(MosaicHttp http, SalesforceEmulator emulator, boolean streaming) throws IOException, InterruptedException {
        EmulatorCredentials credentials = emulator.credentials();
        Map<String, String> values = new java.util.HashMap<>(Map.of("loginUrl", emulator.baseUrl(), "clientId",
                credentials.clientId(), "clientSecret", credentials.clientSecret(), "refreshToken", credentials.refreshToken()));
        if (streaming) {
            values.put("pubsubEndpoint", emulator.pubsubUrl());
        }
        byte[] body = JSON.writeValueAsBytes(values);
        MosaicHttp.Response created = http.postJson("api/v1/connections/salesforce", body);
        if (created.status() != 201) {
            throw new BenchFailure("Connecting answered " + created.status() + ": " + created.shortBody());
        }
        return JSON.readTree(created.body()).path("id").asText();
    }

    static JsonNode connection(MosaicHttp http, String id) throws IOException, InterruptedException {
        return read(http, "api/v1/connections/salesforce/" + id);
    }

    static long recordsSynced(JsonNode connection) {
        long synced = 0;
        for (JsonNode object : connection.path("objects")) {
            synced += object.path("recordsSynced").asLong();
        }
        return synced;
    }

    /** Every object has left its initial load and no round is running. */
    static boolean loaded(JsonNode connection) {
        return connection.path("objects").size() > 0
                && connection.path("objects").findValuesAsText("phase").stream().allMatch("INCREMENTAL"::equals)
                && !connection.path("status").asText().equals("SYNCING");
    }

    /** Polls the connection until every object has left its initial load; prints progress now and then. */
    static JsonNode awaitLoaded(MosaicHttp http, String id, PrintStream out, long started,
                                             List<Charts.Point> progress) throws Exception {
        long lastReport = System.nanoTime();
        while (true) {
            Sleeper.REAL.sleep(LOAD_POLL);
            JsonNode connection = connection(http, id);
            progress.add(new Charts.Point((System.nanoTime() - started) / 1e9, recordsSynced(connection)));
            String status = connection.path("status").asText();
            if (status.equals("ERROR") || status.equals("NEEDS_RECONNECT")) {
                throw new BenchFailure("The sync ended " + status + ": " + connection);
            }
            if (loaded(connection)) {
                return connection;
            }
            if (System.nanoTime() - lastReport > REPORT_EVERY.toNanos()) {
                lastReport = System.nanoTime();
                long done = recordsSynced(connection);
                StringBuilder current = new StringBuilder();
                for (JsonNode object : connection.path("objects")) {
                    if (object.path("phase").asText().equals("INITIAL")) {
                        current.append(' ').append(object.path("name").asText()).append(' ')
                                .append(object.path("recordsSynced").asLong()).append('/')
                                .append(object.path("recordsTotal").asText("?"));
                    }
                }
                out.printf("  %.0f s: %,d records synced;%s%n", (System.nanoTime() - started) / 1e9, done, current);
            }
        }
    }

    /** Waits until the background figures (lists, pipeline, counts) have taken in every write; the seconds waited. */
    static double awaitFiguresCurrent(MosaicHttp http) throws IOException, InterruptedException {
        long started = System.nanoTime();
        JsonNode list;
        do {
            Sleeper.REAL.sleep(Duration.ofSeconds(1));
            list = read(http, "api/v1/organizations/figures?limit=1");
        } while (list.path("computedAt").isNull() || list.path("behind").asBoolean());
        return (System.nanoTime() - started) / 1e9;
    }

    static void syncNow(MosaicHttp http, String id) throws IOException, InterruptedException {
        MosaicHttp.Response response = http.postJson("api/v1/connections/salesforce/" + id + "/sync", new byte[0]);
        if (response.status() != 202) {
            throw new BenchFailure("Sync now answered " + response.status() + ": " + response.shortBody());
        }
    }

    /** The first round that started at or after {@code asked} and has ended, if there is one yet. */
    static Optional<JsonNode> endedRoundSince(MosaicHttp http, String id, Instant asked) throws IOException, InterruptedException {
        JsonNode first = null;
        for (JsonNode round : read(http, "api/v1/connections/salesforce/" + id + "/rounds?limit=20").path("items")) {
            if (!Instant.parse(round.path("startedAt").asText()).isBefore(asked) && round.hasNonNull("endedAt")) {
                first = round;
            }
        }
        return Optional.ofNullable(first);
    }

    /** The first round that started at or after {@code asked}, once it has ended; it must have ended DONE. */
    static JsonNode awaitRoundSince(MosaicHttp http, String id, Instant asked, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> round = endedRoundSince(http, id, asked);
            if (round.isPresent()) {
                if (!round.get().path("outcome").asText().equals("DONE")) {
                    throw new BenchFailure("The round ended " + round.get());
                }
                return round.get();
            }
            Sleeper.REAL.sleep(POLL);
        }
        throw new BenchFailure("No round started after " + asked + " ended within " + patience);
    }

    /**
     * Keeps the connection going through whatever disturbs it until it is loaded and a round that started at or after
     * {@code since} has ended DONE. A round that ended otherwise (failed, or out of API budget) waits for the schedule,
     * hours in the bench, so this presses "Sync now" as an impatient user would. While the app is down (killed and
     * being restarted) it waits. {@code http} is asked anew each time, as a restart brings a new app.
     *
     * @return the connection, and how many times "Sync now" was pressed
     */
    static Driven driveToDone(Supplier<MosaicHttp> http, String id, Instant since, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        int presses = 0;
        String lastPressedFor = "";
        String lastSeen = "nothing yet";
        while (System.nanoTime() < deadline) {
            try {
                MosaicHttp current = http.get();
                JsonNode connection = connection(current, id);
                lastSeen = connection.toString();
                if (connection.path("status").asText().equals("NEEDS_RECONNECT")) {
                    throw new BenchFailure("The connection needs a person to reconnect it: " + connection);
                }
                JsonNode latest = read(current, "api/v1/connections/salesforce/" + id + "/rounds?limit=1").path("items").path(0);
                boolean ended = latest.hasNonNull("endedAt");
                boolean startedSince = latest.has("startedAt") && !Instant.parse(latest.path("startedAt").asText()).isBefore(since);
                if (ended && startedSince && latest.path("outcome").asText().equals("DONE") && loaded(connection)) {
                    return new Driven(connection, presses);
                }
                String roundId = latest.path("roundId").asText();
                if (ended && !latest.path("outcome").asText().equals("DONE") && !roundId.equals(lastPressedFor)) {
                    syncNow(current, id);
                    presses++;
                    lastPressedFor = roundId;
                }
            } catch (IOException appDown) {
                // Killed and not yet back: the next poll finds the new app.
            }
            Sleeper.REAL.sleep(POLL);
        }
        throw new BenchFailure("The connection was not done within " + patience + "; last seen: " + lastSeen);
    }

    record Driven(JsonNode connection, int syncNowPresses) {
    }

    /** GET {@code path}, which must answer 200, as JSON. */
    static JsonNode read(MosaicHttp http, String path) throws IOException, InterruptedException {
        MosaicHttp.Response response = http.get(path);
        if (response.status() != 200) {
            throw new BenchFailure("GET " + path + " answered " + response.status() + ": " + response.shortBody());
        }
        return JSON.readTree(response.body());
    }
}
