package dev.mosaic.salesforce.emulator.rest;

import dev.mosaic.salesforce.emulator.http.ApiResponse;

/** Serves the calls of one data API resource family; may throw {@code SalesforceError}. */
@FunctionalInterface
public interface DataHandler {
    ApiResponse handle(DataCall call);
}
