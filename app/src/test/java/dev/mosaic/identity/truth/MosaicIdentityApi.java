package dev.mosaic.identity.truth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** The two Mosaic endpoints the truth set drives, over real HTTP with one tenant's token. */
final class MosaicIdentityApi {

    /** Lookups in flight at once: enough to keep the test fast, few enough not to queue at the server's door. */
    private static final int PARALLEL_LOOKUPS = 16;
    private static final int REVIEW_PAGE = 500;
    private static final Duration REQUEST_DEADLINE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Function<String, URI> url;
    private final String token;

    MosaicIdentityApi(HttpClient http, Function<String, URI> url, String token) {
        this.http = http;
        this.url = url;
        this.token = token;
    }

    /** Posts one batch and returns Mosaic's summary; anything but 200 fails with the response body. */
    JsonNode ingest(String source, ObjectNode batch) throws IOException, InterruptedException {
        HttpRequest request = request("/api/v1/ingest/" + encode(source))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(batch), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("POST /api/v1/ingest/" + source + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * The entity id each record resolved to, keyed by {@link TruthRecord#ref()}. A record Mosaic does not know
     * (404) is left out, and the scorer counts it as unresolved; any other answer fails.
     */
    Map<String, String> resolve(List<TruthRecord> records) {
        Map<String, String> resolved = new HashMap<>();
        for (int from = 0; from < records.size(); from += PARALLEL_LOOKUPS) {
            List<TruthRecord> chunk = records.subList(from, Math.min(records.size(), from + PARALLEL_LOOKUPS));
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (TruthRecord record : chunk) {
                answers.add(http.sendAsync(lookup(record), HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < chunk.size(); i++) {
                TruthRecord record = chunk.get(i);
                HttpResponse<String> answer = answers.get(i).join();
                if (answer.statusCode() == 200) {
                    resolved.put(record.ref(), idOf(record, answer.body()));
                } else if (answer.statusCode() != 404) {
                    throw new AssertionError("GET external id of " + record.ref() + " answered " + answer.statusCode()
                            + ": " + answer.body());
                }
            }
        }
        return resolved;
    }

    /** Estimates the tenant's matching models from its data, which scores the pending suggestions again. */
    void estimateModels() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("/api/v1/settings/matching/estimate")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("POST /api/v1/settings/matching/estimate answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** Lets Mosaic merge the pairs it scores at least this likely one customer: {@code PUT /api/v1/settings/matching}. */
    void autoMergeAbove(double threshold) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("/api/v1/settings/matching")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"autoMergeAbove\":" + threshold + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("PUT /api/v1/settings/matching answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Every pending suggestion of the review queue, paging through {@code GET /api/v1/review}. */
    List<ReviewSuggestion> pendingReviews() throws IOException, InterruptedException {
        List<ReviewSuggestion> suggestions = new ArrayList<>();
        for (int offset = 0; ; offset += REVIEW_PAGE) {
            HttpRequest request = request("/api/v1/review?status=pending&limit=" + REVIEW_PAGE + "&offset=" + offset)
                    .GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /api/v1/review answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode page = JSON.readTree(response.body());
            page.path("items").forEach(item -> suggestions.add(new ReviewSuggestion(item.path("type").asText(),
                    item.path("reason").asText(), item.path("a").path("id").asText(), item.path("b").path("id").asText(),
                    item.path("score").asDouble(0))));
            if (page.path("items").size() < REVIEW_PAGE) {
                return suggestions;
            }
        }
    }

    private HttpRequest lookup(TruthRecord record) {
        String path = "/api/v1/external/" + encode(record.source()) + "/" + record.type().object + "/"
                + encode(record.externalId());
        return request(path).GET().build();
    }

    /**
     * Plain HTTP/1.1 (no h2c upgrade dance with Tomcat) and a deadline, so a stuck request fails the test
     * with its path instead of stalling the build.
     */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(url.apply(path))
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(REQUEST_DEADLINE)
                .header("Authorization", "Bearer " + token);
    }

    private static String idOf(TruthRecord record, String body) {
        try {
            JsonNode answer = JSON.readTree(body);
            if (!record.type().object.equals(answer.path("type").asText())) {
                throw new AssertionError(record.ref() + " resolved to a " + answer.path("type").asText() + ": " + body);
            }
            return answer.path("id").asText();
        } catch (IOException e) {
            throw new AssertionError("unreadable answer for " + record.ref() + ": " + body, e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
