package dev.mosaic.salesforce.emulator.control;

import dev.mosaic.salesforce.emulator.faults.FaultKind;
import dev.mosaic.salesforce.emulator.faults.FaultPlan;
import dev.mosaic.salesforce.emulator.http.ApiRequest;
import dev.mosaic.salesforce.emulator.http.ApiResponse;
import dev.mosaic.salesforce.emulator.http.Json;
import dev.mosaic.salesforce.emulator.limits.ApiUsage;
import dev.mosaic.salesforce.emulator.limits.CallStats;
import dev.mosaic.salesforce.emulator.oauth.TokenStore;
import dev.mosaic.salesforce.emulator.org.Org;
import dev.mosaic.salesforce.emulator.org.OrgUser;
import dev.mosaic.salesforce.emulator.org.SalesforceError;
import dev.mosaic.salesforce.emulator.pubsub.PubSubServer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's own API under {@code /__emulator/} (not Salesforce's): stats, fault injection, session
 * and token invalidation, merges, formula redefinitions, random mutations and Change Data Capture ({@code cdc/…}). No authentication and no
 * API calls counted.
 */
public final class ControlApi {

    static final int MAX_MUTATIONS = 100_000;

    public static final String PREFIX = "/__emulator/";

    private final Org org;
    private final ApiUsage usage;
    private final CallStats stats;
    private final FaultPlan faults;
    private final TokenStore tokens;
    private final CdcControl cdc;

    public ControlApi(Org org, ApiUsage usage, CallStats stats, FaultPlan faults, TokenStore tokens, PubSubServer pubsub) {
        this.org = org;
        this.cdc = new CdcControl(org.changeDataCapture(), pubsub);
        this.usage = usage;
        this.stats = stats;
        this.faults = faults;
        this.tokens = tokens;
    }

    public ApiResponse handle(ApiRequest request) {
        String action = request.path().substring(PREFIX.length());
        String method = request.method();
        try {
            if (action.equals("cdc") || action.startsWith("cdc/")) {
                return cdc.handle(action.substring(3).replaceFirst("^/", ""), method,
                        "GET".equals(method) ? Map.of() : Json.readObject(request.body()));
            }
            return switch (action) {
                case "stats" -> "GET".equals(method) ? stats() : notAllowed(method, "GET");
                case "users" -> "GET".equals(method) ? users() : notAllowed(method, "GET");
                case "faults" -> switch (method) {
                    case "POST" -> armFault(Json.readObject(request.body()));
                    case "DELETE" -> {
                        faults.clear();
                        yield ApiResponse.empty(204);
                    }
                    default -> notAllowed(method, "POST,DELETE");
                };
                case "expire-sessions" -> "POST".equals(method)
                        ? ApiResponse.ok(Map.of("expired", tokens.expireAllSessions())) : notAllowed(method, "POST");
                case "revoke-refresh-tokens" -> "POST".equals(method)
                        ? ApiResponse.ok(Map.of("revoked", tokens.revokeAllRefreshTokens())) : notAllowed(method, "POST");
                case "merge" -> "POST".equals(method) ? merge(Json.readObject(request.body())) : notAllowed(method, "POST");
                case "undelete" -> "POST".equals(method) ? undelete(Json.readObject(request.body())) : notAllowed(method, "POST");
                case "formulas" -> "POST".equals(method) ? redefineFormula(Json.readObject(request.body()))
                        : notAllowed(method, "POST");
                case "mutate" -> "POST".equals(method) ? mutate(Json.readObject(request.body())) : notAllowed(method, "POST");
                default -> ApiResponse.notFound();
            };
        } catch (SalesforceError e) {
            return ApiResponse.error(e);
        } catch (IllegalArgumentException | ClassCastException e) {
            return ApiResponse.error(400, "INVALID_API_INPUT", String.valueOf(e.getMessage()));
        }
    }

    private ApiResponse stats() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiCalls", usage.used());
        body.put("calls", stats.snapshot());
        body.put("faultsFired", faults.fired());
        body.put("records", org.recordCounts());
        return ApiResponse.ok(body);
    }

    /** Who can sign in, so command-line users can find the restricted user's name. */
    private ApiResponse users() {
        return ApiResponse.ok(List.of(user(org.adminUser()), user(org.restrictedUser())));
    }

    private static Map<String, Object> user(OrgUser user) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", user.id());
        entry.put("username", user.username());
        entry.put("displayName", user.displayName());
        entry.put("restricted", user.restricted());
        return entry;
    }

    private ApiResponse armFault(Map<String, Object> body) {
        FaultKind kind;
        try {
            kind = FaultKind.valueOf(String.valueOf(body.get("kind")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown fault kind: " + body.get("kind") + "; one of " + List.of(FaultKind.values()));
        }
        String match = body.get("match") == null ? "" : String.valueOf(body.get("match"));
        int times = (int) whole(body, "times", 1, Integer.MAX_VALUE);
        long delayMs = whole(body, "delayMs", 0, Long.MAX_VALUE);
        int after = (int) whole(body, "after", 0, Integer.MAX_VALUE);
        faults.arm(kind, match, times, Duration.ofMillis(delayMs), after);
        Map<String, Object> armed = new LinkedHashMap<>();
        armed.put("kind", kind.name());
        armed.put("match", match);
        armed.put("times", times);
        armed.put("after", after);
        armed.put("delayMs", delayMs);
        return ApiResponse.json(201, armed);
    }

    private ApiResponse merge(Map<String, Object> body) {
        String object = requireText(body, "object");
        String masterId = requireText(body, "masterId");
        if (!(body.get("mergedIds") instanceof List<?> ids) || ids.isEmpty()) {
            throw new IllegalArgumentException("mergedIds must be a non-empty array of record ids");
        }
        List<String> mergedIds = ids.stream().map(String::valueOf).toList();
        org.merge(object, masterId, mergedIds);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("object", object);
        result.put("masterId", masterId);
        result.put("mergedIds", mergedIds);
        return ApiResponse.ok(result);
    }

    /** An admin redefining a formula field: its values change, no record's SystemModstamp does. */
    private ApiResponse redefineFormula(Map<String, Object> body) {
        String object = requireText(body, "object");
        String field = requireText(body, "field");
        if (!(body.get("factor") instanceof Number factor)) {
            throw new IllegalArgumentException("factor must be a positive number: " + body.get("factor"));
        }
        return ApiResponse.ok(org.redefineFormula(object, field, factor.doubleValue()));
    }

    /**
     * At most {@value #MAX_MUTATIONS} changes per call, applied all or nothing: two million creates once ran the
     * emulator out of memory with 1.3 million of them made.
     */
    private ApiResponse mutate(Map<String, Object> body) {
        long seed = whole(body, "seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        int creates = count(body, "creates");
        int updates = count(body, "updates");
        int deletes = count(body, "deletes");
        if ((long) creates + updates + deletes > MAX_MUTATIONS) {
            throw new IllegalArgumentException("creates, updates and deletes may add up to at most " + MAX_MUTATIONS
                    + " per call, not " + ((long) creates + updates + deletes) + ": send several calls");
        }
        return ApiResponse.ok(org.mutate(seed, creates, updates, deletes));
    }

    private static int count(Map<String, Object> body, String key) {
        return (int) whole(body, key, 0, Integer.MAX_VALUE);
    }

    /** A non-negative whole number up to {@code max}, or {@code fallback} when absent. */
    private static long whole(Map<String, Object> body, String key, long fallback, long max) {
        return whole(body, key, fallback, 0, max);
    }

    /** A whole number in {@code [min, max]}, or {@code fallback} when absent; anything else is refused, not truncated. */
    /** Salesforce's undelete (Apex or SOAP; REST has none): {@code {"object","id"}}, answers the ids restored. */
    private ApiResponse undelete(Map<String, Object> body) {
        return ApiResponse.ok(Map.of("undeleted", org.undelete(requireText(body, "object"), requireText(body, "id"),
                org.adminUser())));
    }

    static long whole(Map<String, Object> body, String key, long fallback, long min, long max) {
        Object value = body.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            java.math.BigInteger n = new java.math.BigInteger(value.toString());
            if (n.compareTo(java.math.BigInteger.valueOf(min)) >= 0 && n.compareTo(java.math.BigInteger.valueOf(max)) <= 0) {
                return n.longValue();
            }
        }
        throw new IllegalArgumentException(key + " must be a whole number from " + min + " to " + max + ": " + value);
    }

    static String requireText(Map<String, Object> body, String key) {
        Object value = body.get(key);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException(key + " is required");
        }
        return text;
    }

    static ApiResponse notAllowed(String method, String allowed) {
        return ApiResponse.methodNotAllowed(method, allowed);
    }
}
