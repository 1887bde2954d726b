package dev.mosaic.bench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls the Mosaic under test over HTTP/1.1 with its admin's API token, on kept-alive connections.
 *
 * <p>A blocking {@link HttpURLConnection}, not {@code java.net.http.HttpClient}: the bench shares the machine's two cores
 * with the app and its PostgreSQL, and the asynchronous client's hand-offs between threads cost about 1.8 ms of CPU per
 * call in the {@code views} scenario, against 0.6 ms for this one.
 */
public final class MosaicHttp {

    static {
        // Enough kept-alive connections for every client thread of a scenario (the JDK keeps 5 per host by default),
        // and a POST is never sent twice behind our back when a kept-alive connection turns out closed.
        System.setProperty("http.maxConnections", "64");
        System.setProperty("sun.net.http.retryPost", "false");
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

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

    public MosaicHttp(URI base, String token, Duration requestTimeout) {
        this.base = base;
        this.token = token;
        this.requestTimeout = requestTimeout;
    }

    public URI base() {
        return base;
    }

    public Response get(String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, token, null, null, requestTimeout);
    }

    /** A GET without the token, for the public health endpoint. */
    public Response getAnonymous(String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, null, null, null, Duration.ofSeconds(10));
    }

    public Response postJson(String path, byte[] json) throws IOException, InterruptedException {
        return send("POST", path, token, "application/json", json, requestTimeout);
    }

    public Response post(String pathAndQuery, String contentType, byte[] body) throws IOException, InterruptedException {
        return send("POST", pathAndQuery, token, contentType, body, requestTimeout);
    }

    public Response delete(String pathAndQuery) throws IOException, InterruptedException {
        return send("DELETE", pathAndQuery, token, null, null, requestTimeout);
    }

    private Response send(String method, String pathAndQuery, String bearer, String contentType, byte[] body,
                          Duration timeout) throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            // A blocking connection does not heed interruption: a scenario stopping its clients is heeded here.
            throw new InterruptedException("stopped before " + method + " " + pathAndQuery);
        }
        HttpURLConnection connection = (HttpURLConnection) base.resolve(pathAndQuery).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        connection.setReadTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        connection.setInstanceFollowRedirects(false);
        connection.setRequestProperty("Accept", "application/json, text/plain;q=0.9");
        if (bearer != null) {
            connection.setRequestProperty("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            connection.setRequestProperty("Content-Type", contentType);
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        // Reading the body to its end, error or not, lets the connection be kept alive for the next call.
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return new Response(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public String toString() {
        return "MosaicHttp[" + base + "]";
    }
}
