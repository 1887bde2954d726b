package dev.mosaic.salesforce.emulator.rest;

import dev.mosaic.salesforce.emulator.http.ApiRequest;
import dev.mosaic.salesforce.emulator.http.ApiResponse;
import dev.mosaic.salesforce.emulator.org.Org;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /sobjects/…}: global and object describe, record CRUD, and the updated/deleted replication calls. */
public final class SObjectsResource implements DataHandler {
    private final Org org;

    public SObjectsResource(Org org) {
        this.org = org;
    }

    @Override
    public ApiResponse handle(DataCall call) {
        List<String> s = call.segments();
        String method = call.method();
        if (s.size() == 1) {
            return ApiRequest.isRead(method) ? ApiResponse.ok(org.describeGlobal(call.user(), call.version()))
                    : ApiResponse.methodNotAllowed(method, "GET,HEAD");
        }
        String object = s.get(1);
        if (s.size() == 2) {
            return switch (method) {
                case "GET", "HEAD" -> ApiResponse.ok(org.basicInfo(object, call.user(), call.version()));
                case "POST" -> create(call, object);
                default -> ApiResponse.methodNotAllowed(method, "GET,HEAD,POST");
            };
        }
        if (s.size() != 3) {
            return ApiResponse.notFound();
        }
        String third = s.get(2);
        switch (third) {
            case "describe":
                return ApiRequest.isRead(method) ? ApiResponse.ok(org.describe(object, call.user(), call.version()))
                        : ApiResponse.methodNotAllowed(method, "GET,HEAD");
            case "updated":
                return ApiRequest.isRead(method) ? ApiResponse.ok(org.updated(object, ReplicationDates.parse(call, "start"),
                        ReplicationDates.parse(call, "end"))) : ApiResponse.methodNotAllowed(method, "GET,HEAD");
            case "deleted":
                return ApiRequest.isRead(method) ? ApiResponse.ok(org.deleted(object, ReplicationDates.parse(call, "start"),
                        ReplicationDates.parse(call, "end"))) : ApiResponse.methodNotAllowed(method, "GET,HEAD");
            default:
                return record(call, object, third);
        }
    }

    private ApiResponse record(DataCall call, String object, String id) {
        switch (call.method()) {
            case "GET", "HEAD" -> {
                String fields = call.query().get("fields");
                List<String> fieldList = fields == null || fields.isBlank() ? null
                        : Arrays.stream(fields.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
                return ApiResponse.ok(org.retrieve(object, id, fieldList, call.user(), call.version()));
            }
            case "PATCH" -> {
                org.update(object, id, writableFields(call), call.user());
                return ApiResponse.empty(204);
            }
            case "DELETE" -> {
                org.delete(object, id, call.user());
                return ApiResponse.empty(204);
            }
            default -> {
                return ApiResponse.methodNotAllowed(call.method(), "GET,HEAD,PATCH,DELETE");
            }
        }
    }

    private ApiResponse create(DataCall call, String object) {
        String id = org.create(object, writableFields(call), call.user());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("success", true);
        body.put("errors", List.of());
        return ApiResponse.json(201, body)
                .header("Location", "/services/data/" + call.versionPath() + "/sobjects/" + object + "/" + id);
    }

    /** The record body without the {@code attributes} block that clients echo back from reads. */
    private static Map<String, Object> writableFields(DataCall call) {
        Map<String, Object> fields = new LinkedHashMap<>(call.jsonBody());
        fields.remove("attributes");
        return fields;
    }
}
