package dev.mosaic.salesforce.emulator.rest;

import dev.mosaic.salesforce.emulator.http.ApiResponse;
import dev.mosaic.salesforce.emulator.org.SalesforceError;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends a data call to the handler of its first path segment and turns every {@link SalesforceError}
 * into Salesforce's error array. Never throws for bad input, so composite can collect subresponses.
 */
public final class DataRouter {
    private final Map<String, DataHandler> handlers = new ConcurrentHashMap<>();

    public DataRouter register(String firstSegment, DataHandler handler) {
        handlers.put(firstSegment, handler);
        return this;
    }

    public ApiResponse route(DataCall call) {
        DataHandler handler = handlers.get(call.segments().isEmpty() ? "" : call.segments().get(0));
        if (handler == null) {
            return ApiResponse.notFound();
        }
        try {
            return handler.handle(call);
        } catch (SalesforceError error) {
            return ApiResponse.error(error);
        }
    }
}
