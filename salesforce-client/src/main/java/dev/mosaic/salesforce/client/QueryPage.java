package dev.mosaic.salesforce.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One page of a SOQL query's answer.
 *
 * @param nextRecordsUrl where the next page is, or null on the last one
 */
public record QueryPage(long totalSize, boolean done, List<JsonNode> records, String nextRecordsUrl) {
}
