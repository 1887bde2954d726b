package dev.mosaic.salesforce.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sending a request to Salesforce and reading its JSON answer, shared by the data calls, the logins and the code
 * exchange: a missing answer, an interruption and an answer that is not JSON become {@link SalesforceException}s.
 */
final class SalesforceHttp {

    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private static final ObjectMapper JSON = new ObjectMapper();

    private SalesforceHttp() {
    }

    /**
     * POSTs a form to the login host's token endpoint and returns its answer.
     *
     * @param flow the grant's name for messages: never a secret
     */
    static JsonNode post(HttpClient http, URI loginUrl, String flow, String clientId, Map<String, String> form) {
        URI token = loginUrl.resolve("/services/oauth2/token");
        String request = "POST " + token.getRawPath() + " (" + flow + ", client " + clientId + ")";
        HttpRequest post = HttpRequest.newBuilder(token).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build();
        HttpResponse<String> response = send(http, request, post, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw SalesforceErrors.of(request, response.statusCode(), response.body());
        }
        return read(request, response.body());
    }

    /** @param request what is asked, for messages ("GET /services/data/v59.0/query"), never with a token */
    static <T> HttpResponse<T> send(HttpClient http, String request, HttpRequest httpRequest, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(httpRequest, handler);
        } catch (IOException e) {
            throw SalesforceErrors.noResponse(request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceException(Disposition.RETRY, 0, "", request + " was interrupted", e);
        }
    }

    static JsonNode read(String request, String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new SalesforceException(Disposition.RETRY, 200, "", request + " answered with something that is not JSON", e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> field.getKey() + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }
}
