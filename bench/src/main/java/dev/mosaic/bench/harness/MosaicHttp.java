package dev.mosaic.bench.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Calls the Mosaic under test over HTTP/1.1 with its admin's API token. */
public final class MosaicHttp {

    /** A status and its body as text. */
    public record Response(int status, String body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        /** The body cut to a length a terminal can show. */
        public String shortBody() {
            return body.length() <= 2000 ? body : body.substring(0, 2000) + "… (" + body.length() + " characters)";
        }
    }

    private final URI base;
    private final String token;
    private final Duration requestTimeout;
    private final HttpClient client;

    public MosaicHttp(URI base, String token, Duration requestTimeout) {
        this.base = base;
        this.token = token;
        this.requestTimeout = requestTimeout;
        // HTTP/1.1: no h2c upgrade dance on every new connection.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public URI base() {
        return base;
    }

    public Response get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).GET().build());
    }

    /** A GET without the token, for the public health endpoint. */
    public Response getAnonymous(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.body());
    }

    public Response postJson(String path, byte[] json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build());
    }

    public Response post(String pathAndQuery, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(request(pathAndQuery).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    public Response delete(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).DELETE().build());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(requestTimeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json, text/plain;q=0.9");
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.body());
    }

    @Override
    public String toString() {
        return "MosaicHttp[" + base + "]";
    }
}
