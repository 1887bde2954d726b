package dev.mosaic.bench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.salesforce.emulator.SalesforceEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

/** The emulator's request counts ({@code GET /__emulator/stats}), to say where a run's API calls went. */
final class EmulatorStats {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private EmulatorStats() {
    }

    static JsonNode read(SalesforceEmulator emulator) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__emulator/stats"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Requests per endpoint between two readings; endpoints with none are left out. */
    static Map<String, Long> callsSince(JsonNode before, JsonNode after) {
        Map<String, Long> calls = new TreeMap<>();
        after.path("calls").fields().forEachRemaining(endpoint -> {
            long made = endpoint.getValue().asLong() - before.path("calls").path(endpoint.getKey()).asLong();
            if (made > 0) {
                calls.put(endpoint.getKey(), made);
            }
        });
        return calls;
    }
}
