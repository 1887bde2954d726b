package dev.mosaic.salesforce.emulator.control;

import dev.mosaic.salesforce.emulator.cdc.ChangeDataCapture;
import dev.mosaic.salesforce.emulator.http.ApiResponse;
import dev.mosaic.salesforce.emulator.pubsub.PubSubServer;
import io.grpc.Status;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /__emulator/cdc/…}: which objects publish change events, and the faults a Pub/Sub subscriber must survive:
 * gap and overflow events, streams that go silent or fail, replay ids that expire.
 */
final class CdcControl {

    private final ChangeDataCapture cdc;
    private final PubSubServer pubsub;

    CdcControl(ChangeDataCapture cdc, PubSubServer pubsub) {
        this.cdc = cdc;
        this.pubsub = pubsub;
    }

    ApiResponse handle(String action, String method, Map<String, Object> body) {
        if (action.isEmpty()) {
            return switch (method) {
                case "GET" -> ApiResponse.ok(state());
                case "PUT" -> {
                    cdc.enable(strings(body, "enabled"));
                    yield ApiResponse.ok(state());
                }
                default -> ControlApi.notAllowed(method, "GET,PUT");
            };
        }
        if (!"POST".equals(method)) {
            return ControlApi.notAllowed(method, "POST");
        }
        return switch (action) {
            case "gap" -> {
                cdc.gap(ControlApi.requireText(body, "object"), ControlApi.requireText(body, "changeType"), strings(body, "recordIds"));
                yield ApiResponse.ok(state());
            }
            case "overflow" -> {
                cdc.overflow(ControlApi.requireText(body, "object"));
                yield ApiResponse.ok(state());
            }
            case "expire-replay-ids" -> ApiResponse.ok(Map.of("expired", cdc.log().expireAll()));
            case "retention" -> {
                cdc.log().retention(Duration.ofSeconds(ControlApi.whole(body, "seconds", 72 * 3600, 1, Long.MAX_VALUE)));
                yield ApiResponse.ok(state());
            }
            case "stall-streams" -> ApiResponse.ok(Map.of("stalled", pubsub.stallAll()));
            case "fail-streams" -> ApiResponse.ok(Map.of("failed", pubsub.failAll(Status.UNAUTHENTICATED,
                    "service.auth.error", "The session expired.")));
            default -> ApiResponse.notFound();
        };
    }

    private Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("enabled", List.copyOf(cdc.enabled()));
        state.put("latestReplayId", cdc.log().latest());
        state.put("subscriptions", pubsub.subscriptions());
        return state;
    }

    private static List<String> strings(Map<String, Object> body, String key) {
        if (!(body.get(key) instanceof List<?> values)) {
            throw new IllegalArgumentException(key + " must be a list");
        }
        return values.stream().map(String::valueOf).toList();
    }
}
