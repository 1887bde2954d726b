package dev.mosaic.salesforce.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a SOQL query's answer.
 *
 * @param nextRecordsUrl where the next page is, or null on the last one
 */
public record QueryPage(long totalSize, boolean done, List<JsonNode> records, String nextRecordsUrl) {

    /** A query answer's JSON, as the query resource returns it or as the body of a composite subrequest. */
    public static QueryPage fromJson(JsonNode body) {
        List<JsonNode> records = new ArrayList<>();
        body.path("records").forEach(records::add);
        String next = body.hasNonNull("nextRecordsUrl") ? body.get("nextRecordsUrl").asText() : null;
        return new QueryPage(body.path("totalSize").asLong(), body.path("done").asBoolean(true), records, next);
    }
}
