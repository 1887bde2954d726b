package dev.mosaic.salesforce.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One subrequest's answer within a composite call: its body, or why it failed (the others are unaffected).
 *
 * @param error null when the subrequest succeeded
 */
public record CompositeAnswer(String path, JsonNode body, SalesforceException error) {

    public boolean succeeded() {
        return error == null;
    }
}
