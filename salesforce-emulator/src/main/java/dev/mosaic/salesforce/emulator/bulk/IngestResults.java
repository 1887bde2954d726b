package dev.mosaic.salesforce.emulator.bulk;

import java.util.ArrayList;
import java.util.List;

/**
 * What an ingest job did with each row, as its three result CSVs tell it: successful rows with the record's id and
 * whether it was created, failed rows with the error, and rows never processed (the job was aborted or failed
 * first). Each repeats the row's values as uploaded. Thread-safe: the job's thread appends while clients read.
 */
final class IngestResults {
    private final List<String> columns = new ArrayList<>();
    private final List<List<String>> successful = new ArrayList<>();
    private final List<List<String>> failed = new ArrayList<>();
    private final List<List<String>> unprocessed = new ArrayList<>();

    synchronized void columns(List<String> header) {
        columns.clear();
        columns.addAll(header);
    }

    synchronized void succeeded(String id, boolean created, List<String> row) {
        successful.add(prefixed(id, String.valueOf(created), row));
    }

    synchronized void failed(String id, String error, List<String> row) {
        failed.add(prefixed(id, error, row));
    }

    synchronized void unprocessed(List<List<String>> rows) {
        unprocessed.addAll(rows);
    }

    synchronized int successfulCount() {
        return successful.size();
    }

    synchronized int failedCount() {
        return failed.size();
    }

    synchronized String successfulCsv(CsvFormat format) {
        return csv(format, "sf__Created", successful);
    }

    synchronized String failedCsv(CsvFormat format) {
        return csv(format, "sf__Error", failed);
    }

    /** The rows as uploaded; nothing at all when nothing was uploaded. */
    synchronized String unprocessedCsv(CsvFormat format) {
        if (columns.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(String.join(String.valueOf(format.delimiter()), columns))
                .append(format.lineEnding());
        unprocessed.forEach(row -> format.appendRow(out, row));
        return out.toString();
    }

    /** Salesforce quotes its own two columns in the header and repeats the upload's column names as they came. */
    private String csv(CsvFormat format, String secondColumn, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("\"sf__Id\"").append(format.delimiter())
                .append('"').append(secondColumn).append('"');
        columns.forEach(column -> out.append(format.delimiter()).append(column));
        out.append(format.lineEnding());
        rows.forEach(row -> format.appendRow(out, row));
        return out.toString();
    }

    private static List<String> prefixed(String first, String second, List<String> row) {
        List<String> values = new ArrayList<>(row.size() + 2);
        values.add(first);
        values.add(second);
        values.addAll(row);
        return values;
    }
}
