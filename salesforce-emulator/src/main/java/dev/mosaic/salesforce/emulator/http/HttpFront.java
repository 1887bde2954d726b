package dev.mosaic.salesforce.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.mosaic.salesforce.emulator.faults.Fault;
import dev.mosaic.salesforce.emulator.faults.FaultKind;
import dev.mosaic.salesforce.emulator.faults.FaultPlan;
import dev.mosaic.salesforce.emulator.faults.FaultResponses;
import dev.mosaic.salesforce.emulator.faults.Sleeper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * The one JDK HTTP handler: enforces the request-size limit, applies injected faults, hands the request
 * to the emulator's routes, and writes the answer (gzip when asked). Nothing escapes as a stack trace:
 * an unexpected exception becomes Salesforce's UNKNOWN_EXCEPTION and one line on stderr.
 */
public final class HttpFront implements HttpHandler {
    /** Salesforce's limit for the request line plus headers. */
    public static final int MAX_REQUEST_HEAD_BYTES = 16_384;
    /** Bodies are read into memory; past this a request is refused rather than allowed to exhaust the heap. */
    public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    private static final String CONTROL_PREFIX = "/__emulator/";

    private final Function<ApiRequest, ApiResponse> routes;
    private final FaultPlan faults;
    private final Sleeper sleeper;
    private final Supplier<String> limitInfo;

    public HttpFront(Function<ApiRequest, ApiResponse> routes, FaultPlan faults, Sleeper sleeper, Supplier<String> limitInfo) {
        this.routes = routes;
        this.faults = faults;
        this.sleeper = sleeper;
        this.limitInfo = limitInfo;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try {
            if (requestHeadBytes(exchange) > MAX_REQUEST_HEAD_BYTES) {
                write(exchange, false, ApiResponse.text(414, "text/html;charset=iso-8859-1",
                        "<h1>Bad Message 414</h1><pre>reason: URI Too Long</pre>"));
                return;
            }
            ApiRequest request = read(exchange);
            if (request == null) {
                write(exchange, false, ApiResponse.error(413, "REQUEST_ENTITY_TOO_LARGE",
                        "The request body is larger than " + MAX_BODY_BYTES + " bytes."));
                return;
            }
            if (!path.startsWith(CONTROL_PREFIX)) {
                Optional<Fault> fault = faults.take(path);
                if (fault.isPresent()) {
                    FaultKind kind = fault.get().kind();
                    if (kind == FaultKind.DROP_CONNECTION) {
                        // Closing before any response header is sent makes the JDK server close the socket.
                        return;
                    }
                    if (kind == FaultKind.TRUNCATED_BODY) {
                        writeHalf(exchange, routes.apply(request));
                        return;
                    }
                    if (kind == FaultKind.SLOW) {
                        sleeper.sleep(fault.get().delay());
                    } else {
                        write(exchange, false, FaultResponses.of(kind, limitInfo.get()));
                        return;
                    }
                }
            }
            write(exchange, acceptsGzip(request), routes.apply(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientWentAway) {
            // Nothing to answer to.
        } catch (RuntimeException | Error e) {
            StackTraceElement[] trace = e.getStackTrace();
            System.err.println("salesforce-emulator: unexpected " + e.getClass().getSimpleName() + " on " + method + " "
                    + path + ": " + e.getMessage() + (trace.length > 0 ? " at " + trace[0] : ""));
            try {
                write(exchange, false, ApiResponse.error(500, "UNKNOWN_EXCEPTION",
                        "An unexpected error occurred. Please include this ErrorId if you contact support: "
                                + Ids.random(10) + " (-" + Math.abs(path.hashCode() % 100000) + ")"));
            } catch (IOException | RuntimeException ignored) {
                // The response may already be under way; the connection is closed below.
            }
        } finally {
            exchange.close();
        }
    }

    /** The request, or null when its body is over {@link #MAX_BODY_BYTES}. */
    private static ApiRequest read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            return null;
        }
        return new ApiRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), exchange.getRequestURI().getPath(),
                QueryString.parse(exchange.getRequestURI().getRawQuery()), headers, body);
    }

    private static int requestHeadBytes(HttpExchange exchange) {
        int size = exchange.getRequestMethod().length() + 1 + exchange.getRequestURI().toString().length() + 11;
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            for (String value : header.getValue()) {
                size += header.getKey().length() + 2 + value.length() + 2;
            }
        }
        return size;
    }

    private static boolean acceptsGzip(ApiRequest request) {
        return request.header("accept-encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
    }

    /** Announces the whole body, sends half of it, and closes: the client reads a premature end of the stream. */
    private static void writeHalf(HttpExchange exchange, ApiResponse response) throws IOException {
        byte[] body = response.bodyBytes() == null ? new byte[0] : response.bodyBytes();
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(response.status(), Math.max(1, body.length));
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        // Closing the exchange with fewer bytes than announced makes the JDK server drop the connection.
    }

    private static void write(HttpExchange exchange, boolean gzip, ApiResponse response) throws IOException {
        byte[] body = response.bodyBytes();
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean bodiless = body == null || response.status() == 204 || response.status() == 304
                || "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        if (bodiless) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        if (gzip && body.length > 0) {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 4 + 64);
            try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
                out.write(body);
            }
            body = compressed.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

}
