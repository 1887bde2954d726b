package dev.mosaic.salesforce.emulator.bulk;

import java.util.Map;

/**
 * The CSV a job reads and writes, as its create request names it ({@code contentType}, {@code columnDelimiter},
 * {@code lineEnding}); refused as Salesforce refuses what it does not support.
 */
record CsvSettings(String columnDelimiter, String lineEnding) {

    static CsvSettings fromJobRequest(Map<String, Object> body) {
        String contentType = BulkCalls.text(body, "contentType", "CSV");
        if (!"CSV".equals(contentType)) {
            throw BulkCalls.invalidJob("Unsupported contentType: " + contentType + ". Only CSV is supported.");
        }
        String delimiter = BulkCalls.text(body, "columnDelimiter", "COMMA");
        if (!CsvFormat.DELIMITERS.containsKey(delimiter)) {
            throw BulkCalls.invalidJob("Invalid columnDelimiter: " + delimiter);
        }
        String lineEnding = BulkCalls.text(body, "lineEnding", "LF");
        if (!CsvFormat.LINE_ENDINGS.containsKey(lineEnding)) {
            throw BulkCalls.invalidJob("Invalid lineEnding: " + lineEnding);
        }
        return new CsvSettings(delimiter, lineEnding);
    }

    CsvFormat format() {
        return CsvFormat.of(columnDelimiter, lineEnding);
    }
}
