package dev.mosaic.bench.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.salesforce.emulator.SalesforceEmulator;
import dev.mosaic.salesforce.emulator.faults.FaultKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The faults scenario's schedule: every kind of fault reaches a client that keeps asking, and pausing stops them. */
class FaultScheduleTest {

    private static final List<String> PATHS = List.of("/services/data/v59.0/jobs/query/750x/results",
            "/services/data/v59.0/sobjects/Account/describe", "/services/oauth2/token");

    @Test
    void everyKindOfFaultHitsABusyClientAndNoneAfterThePause() throws Exception {
        try (SalesforceEmulator emulator = SalesforceEmulator.builder().seed(5).accounts(3).host("127.0.0.1").port(0).start()) {
            FaultSchedule schedule = new FaultSchedule(emulator.faults(), 11, Duration.ofMillis(5));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            schedule.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            for (int i = 0; schedule.fired().size() < FaultKind.values().length && System.nanoTime() < deadline; i++) {
                ask(http, emulator, PATHS.get(i % PATHS.size()));
            }
            schedule.pause();
            Map<FaultKind, Long> fired = schedule.fired();

            for (int i = 0; i < 20; i++) {
                ask(http, emulator, "/services/data/v59.0/jobs/query/750x/results");
            }

            assertThat(fired.keySet()).containsExactlyInAnyOrder(FaultKind.values());
            assertThat(schedule.fired()).isEqualTo(fired);
        }
    }

    private static void ask(HttpClient http, SalesforceEmulator emulator, String path) {
        try {
            http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (Exception failedAsFaultsMake) {
            // A dropped connection or a body cut short is the fault doing its job.
        }
    }
}
